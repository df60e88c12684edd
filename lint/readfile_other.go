//go:build !unix

package lint

// openNoFollow: this system has no O_NOFOLLOW or O_NONBLOCK; ReadRegular
// relies on its Lstat before the open and its check after.
const openNoFollow = 0
