package io.cordon.graphsim.model;

import java.util.List;

/** A group; {@code memberIds} are user and group object ids (groups nest). */
public record SimGroup(String id, String displayName, String description, List<String> memberIds) {}
