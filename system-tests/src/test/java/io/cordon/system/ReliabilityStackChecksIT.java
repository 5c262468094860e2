package io.cordon.system;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * The classes on a {@link ReliabilityStack} that kill nothing, in one JVM and so on one stack of
 * their own beside the drills' ({@link ReliabilityDrillsIT}). The role matrix first, on a stack no
 * run has touched; the hostile input last, so that a connection it breaks breaks nothing after it.
 */
@Suite
@SelectClasses({RoleMatrixIT.class, GraphStormIT.class, HostileInputIT.class})
class ReliabilityStackChecksIT {}
