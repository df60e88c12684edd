// Package precommittest holds the test that runs caselint's hooks with
// the real pre-commit framework (the Debian pre-commit package): the
// configuration docs/pre-commit.md documents, in a repository of case
// records, against a copy of this repository as the hook repository. It
// has no code of its own.
package precommittest
