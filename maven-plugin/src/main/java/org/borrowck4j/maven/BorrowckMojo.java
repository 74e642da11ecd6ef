package org.borrowck4j.maven;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What every goal of the plugin has: the project, the session, {@code skip} and the source root. */
public abstract class BorrowckMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true)
  MavenSession session;

  /** Skip the goal. */
  @Parameter(property = "borrowck.skip", defaultValue = "false")
  boolean skip;

  /**
   * What SARIF URIs and baseline paths are relative to: the reactor's root, so that the reports
   * of every module resolve from the repository (GitHub code scanning) and one baseline serves
   * them all.
   */
  @Parameter(property = "borrowck.sourceRoot", defaultValue = "${maven.multiModuleProjectDirectory}")
  File sourceRoot;

  /** The reactor's root directory: what {@code sourceRoot} defaults to. */
  Path reactorRoot() {
    if (sourceRoot != null && !sourceRoot.getPath().isBlank()) {
      return sourceRoot.toPath().toAbsolutePath().normalize();
    }
    if (session != null && session.getRequest().getMultiModuleProjectDirectory() != null) {
      return session.getRequest().getMultiModuleProjectDirectory().toPath().toAbsolutePath().normalize();
    }
    return project.getBasedir().toPath().toAbsolutePath().normalize();
  }
}
