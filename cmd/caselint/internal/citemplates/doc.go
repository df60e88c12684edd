// Package citemplates holds the tests of the CI templates in docs/ci/:
// each is checked by a real linter (actionlint for GitHub Actions,
// gitlab-ci-local's validation against GitLab's CI schema), its structure
// read with a YAML parser, and every caselint command in it parsed by the
// lint command's own flags. It has no code of its own.
package citemplates
