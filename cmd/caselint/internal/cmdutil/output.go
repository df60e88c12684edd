package cmdutil

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/caselint/caselint/internal/atomicfile"
	"github.com/caselint/caselint/schema"
)

// WriteReport writes a report to the file a command's flag (--output, -o)
// names, through atomicfile.WriteOutput: a regular file is replaced whole
// (a reader never sees half of one, and a failed write leaves the old one);
// a device or FIFO (/dev/null, /dev/stdout, a named pipe) is written to,
// never replaced; a folder, a symbolic link to a file and a link that leads
// nowhere are refused. It never writes over a Markdown file: a flag naming
// a case record by mistake must not cost the record. A new report is
// readable by its owner alone: reports name the people of the cases, and
// trainees' results. Refusals are usage errors, naming the flag.
func WriteReport(flag, name string, data []byte) error {
	return WriteReportFrom(flag, name, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteReportFrom is WriteReport of what write writes, streamed into the
// file as it is written (atomicfile.WriteOutputFrom): a report of any size
// is never held whole in memory.
func WriteReportFrom(flag, name string, write func(io.Writer) error) error {
	if schema.IsRecordName(name) {
		if _, err := os.Lstat(name); err == nil {
			return Usagef("%s %s: a Markdown file is there, perhaps a case record; caselint will not write a report over it", flag, name)
		}
	}
	err := atomicfile.WriteOutputFrom(name, 0o600, write)
	var we *atomicfile.WriteError
	if errors.As(err, &we) {
		return &UsageError{Err: fmt.Errorf("%s: %w", flag, err)}
	}
	return err
}
