//go:build !unix

package schema

func cpuTime() int64 { return 0 }
