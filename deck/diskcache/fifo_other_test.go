//go:build !unix

package diskcache

import "errors"

// mkfifo fails: there are no FIFOs here.
func mkfifo(string) error { return errors.New("no FIFOs on this system") }
