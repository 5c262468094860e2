package io.cordon.system;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * The three reliability drills of a whole run, in one JVM and so on one stack ({@link
 * ReliabilityStack}): one stack start instead of three, and one failsafe fork that runs beside the
 * other system-test classes (see the {@code shared-reliability-stack} profile in the pom). With
 * {@code -Dit.test=GraphStormIT} and the like each drill still runs on its own.
 */
@Suite
@SelectClasses({CrashRecoveryIT.class, DependencyOutageIT.class, GraphStormIT.class})
class ReliabilityDrillsIT {}
