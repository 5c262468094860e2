package io.cordon.system;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * The reliability drills that kill or cut off a part of the stack, in one JVM and so on one stack
 * ({@link ReliabilityStack}): one stack start instead of two, and one failsafe fork that runs
 * beside the other system-test classes (see the {@code shared-reliability-stack} profile in the
 * pom). The storm drill shares a stack with the classes that kill nothing ({@link
 * ReliabilityStackChecksIT}), so that the two forks take about as long. With {@code
 * -Dit.test=CrashRecoveryIT} and the like each drill still runs on its own.
 */
@Suite
@SelectClasses({CrashRecoveryIT.class, DependencyOutageIT.class})
class ReliabilityDrillsIT {}
