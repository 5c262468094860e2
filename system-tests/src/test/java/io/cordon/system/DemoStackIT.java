package io.cordon.system;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * The demo's classes in one JVM and so on one stack ({@link DemoStack}): first the plan, which
 * writes nothing at Graph, then the demo incident itself, which would leave a plan nothing to show.
 */
@Suite
@SelectClasses({DemoPlanIT.class, DemoIncidentIT.class})
class DemoStackIT {}
