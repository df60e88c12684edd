package lint

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/caselint/caselint/lint/calendar"
	"github.com/caselint/caselint/schema"
)

// ConfigFileName is the name of the config file (FindConfig says which
// applies).
const ConfigFileName = ".caselint.toml"

// Config is a .caselint.toml: which profile, which rules, which local
// closures, and profiles of the authority's own.
type Config struct {
	Path     string              `toml:"-"`
	Profile  string              `toml:"profile"`
	Closures []schema.Date       `toml:"closures"` // days the authority is closed besides bank holidays
	Rules    map[string]string   `toml:"rules"`    // rule id: on, off, error, warning, note
	Profiles map[string]*Profile `toml:"profiles"` // the authority's own profiles; each extends another
	// MaxFileSize is the largest record read, as written ("2 MB"); a larger
	// file is an invalid-record finding, not read. MaxFileBytes is it in
	// bytes, 0 when it is not set.
	MaxFileSize  string `toml:"max_file_size"`
	MaxFileBytes int64  `toml:"-"`
	// AsOf is the date the records are read as of when --as-of is not
	// given (as_of = 2026-11-20, a date without a time): for a folder read
	// as it stood on a day, such as a training exercise. Zero when not set:
	// then today, or under --rev the commit's date.
	AsOf schema.Date `toml:"-"`
	// AsOfTOML is as_of as written, checked (configDate); read AsOf.
	AsOfTOML *configDate `toml:"as_of"`

	md  toml.MetaData
	src *schema.Source // the config as read, for the positions of errors
}

// FindConfig returns the slash path of the config that applies to the
// path p of the tree fsys: the nearest .caselint.toml in p's folder (p
// itself, when p is a folder) or a folder above it, up to the root of fsys
// and never above it; "" when there is none. fsys is the tree the records
// are read from, rooted at the repository's work tree (or, outside a
// repository, at the folder the paths are relative to): the work tree, a
// commit's tree or the index, so that every way of reading the records
// finds the same config for the same content. A path that is not in fsys
// (a case about to be made) is looked up from its nearest folder that is.
// The lookup is by folder: each folder of a tree can ask for its own.
//
// A .caselint.toml that is a symbolic link, or not a regular file, is an
// error, not passed over: caselint reads no config through a link (a
// committed link may lead out of the tree), and a config it cannot read
// must not give way to another in silence.
//
// FindConfig looks up one path; a ConfigFinder looks up many.
func FindConfig(fsys fs.FS, p string) (string, error) {
	return NewConfigFinder(fsys).Find(p)
}

// ConfigFinder finds the config that applies to paths of one tree, as
// FindConfig does, and remembers what it found for each folder it looked
// in: a run asks for every case folder, and the folders above them are
// the same for most. It is safe for concurrent use. The tree must not
// change while it is used.
type ConfigFinder struct {
	fsys  fs.FS
	mu    sync.Mutex
	known map[string]foundConfig // by path looked up from, or passed on the way up
}

// foundConfig is the config that applies to a path: its name, "" for
// none, or why it cannot be read.
type foundConfig struct {
	name string
	err  error
}

// NewConfigFinder returns a ConfigFinder for the tree fsys.
func NewConfigFinder(fsys fs.FS) *ConfigFinder {
	return &ConfigFinder{fsys: fsys, known: map[string]foundConfig{}}
}

// Find returns the slash path of the config that applies to the path p
// (FindConfig). It looks for the config file in p and in each folder
// above it, one lstat a folder: a path that is not a folder (a file, or
// not there) cannot hold one, so the lookup goes on from its folder, as
// it would from the nearest folder that is there.
func (f *ConfigFinder) Find(p string) (string, error) {
	var passed []string // the paths looked in, whose answer is found's
	var found foundConfig
	for dir := path.Clean(p); ; dir = path.Dir(dir) {
		f.mu.Lock()
		r, ok := f.known[dir]
		f.mu.Unlock()
		if ok {
			found = r
			break
		}
		passed = append(passed, dir)
		name := path.Join(dir, ConfigFileName)
		if st, err := fs.Lstat(f.fsys, name); err == nil {
			found = configFile(name, st)
			break
		}
		if dir == "." {
			break // none
		}
	}
	f.mu.Lock()
	for _, d := range passed {
		f.known[d] = found
	}
	f.mu.Unlock()
	return found.name, found.err
}

// configFile is the config found at name, st its lstat: a regular file,
// or an error.
func configFile(name string, st fs.FileInfo) foundConfig {
	switch {
	case st.Mode().IsRegular():
		return foundConfig{name: name}
	case st.Mode()&fs.ModeSymlink != 0:
		return foundConfig{err: fmt.Errorf("%s is a symbolic link; caselint reads a config only from a file in the tree, never through a link: put the config itself there", name)}
	default:
		return foundConfig{err: fmt.Errorf("%s is not a regular file; caselint reads a config only from one", name)}
	}
}

// LoadConfigFS reads the config that applies to the path p of the tree
// fsys (FindConfig): nil, and no error, when there is none. Its Path is
// the slash path in fsys.
func LoadConfigFS(fsys fs.FS, p string) (*Config, error) {
	name, err := FindConfig(fsys, p)
	if err != nil || name == "" {
		return nil, err
	}
	data, err := readConfigFile(fsys, name)
	if err != nil {
		return nil, err
	}
	return ParseConfig(name, data)
}

// readConfigFile reads the regular file name of fsys, refusing one over
// schema.MaxTOMLFile bytes before reading it.
func readConfigFile(fsys fs.FS, name string) ([]byte, error) {
	// Stat before opening: opening a FIFO would wait for a writer.
	if st, err := fs.Stat(fsys, name); err == nil && !st.Mode().IsRegular() {
		return nil, fmt.Errorf("config %s is not a regular file; caselint reads a config only from one", name)
	}
	f, err := fsys.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("config %s does not exist", name)
		}
		return nil, fmt.Errorf("reading config: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("reading config: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("config %s is not a regular file; caselint reads a config only from one", name)
	}
	tooBig := fmt.Errorf("config %s is over %d KB; caselint reads at most %d KB of config, so it did not read it", name, schema.MaxTOMLFile>>10, schema.MaxTOMLFile>>10)
	if st.Size() > schema.MaxTOMLFile {
		return nil, tooBig
	}
	data, err := io.ReadAll(io.LimitReader(f, schema.MaxTOMLFile+1))
	if err != nil {
		return nil, fmt.Errorf("reading config: %w", err)
	}
	if len(data) > schema.MaxTOMLFile { // it grew while read
		return nil, tooBig
	}
	return data, nil
}

// LoadConfig reads and checks the config file --config names: a path of
// the file system, which may be a link to a regular file. Its errors name
// the file and, where there is one, the line and column.
func LoadConfig(name string) (*Config, error) {
	data, err := readConfigFile(osFS{}, name)
	if err != nil {
		return nil, err
	}
	return ParseConfig(name, data)
}

// osFS opens paths of the file system as they are, for LoadConfig.
type osFS struct{}

func (osFS) Open(name string) (fs.File, error) { return os.Open(name) }

// Stat follows links, as --config may name one; it lets readConfigFile
// refuse a FIFO before opening it.
func (osFS) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }

// ParseConfig reads a config from data; path is for messages.
func ParseConfig(path string, data []byte) (*Config, error) {
	if err := schema.GuardTOML(path, "the config", data); err != nil {
		return nil, err // too big or too deep for the TOML parser
	}
	c := &Config{Path: path}
	// Read first for the keys and their types alone: a value of the wrong
	// type is an error at its key saying what is allowed (checkTypes).
	shape, err := toml.Decode(string(data), &struct{}{})
	if err == nil {
		err = checkTypes(schema.NewSource(path, data), shape)
	}
	var md toml.MetaData
	if err == nil {
		md, err = toml.Decode(string(data), c)
	}
	if err != nil {
		if strings.HasPrefix(err.Error(), path+":") {
			return nil, err // checkTypes', which says where itself
		}
		return nil, schema.TOMLFileError(path, err)
	}
	c.md = md
	c.src = schema.NewSource(path, data)
	if u := md.Undecoded(); len(u) > 0 {
		src := schema.NewSource(path, data)
		key := u[0]
		line := findKeyLine(src, key)
		return nil, fmt.Errorf("%s:%d:1: unknown key %s%s", path, line, key, suggestConfigKey(key))
	}
	if c.MaxFileSize != "" {
		n, err := ParseSize(c.MaxFileSize)
		if err != nil {
			line := findKeyLine(schema.NewSource(path, data), toml.Key{"max_file_size"})
			return nil, fmt.Errorf("%s:%d:1: max_file_size: %w", path, line, err)
		}
		c.MaxFileBytes = n
	}
	if c.AsOfTOML != nil {
		c.AsOf = c.AsOfTOML.Date
	}
	for name, p := range c.Profiles {
		if p.Extends == "" {
			return nil, fmt.Errorf("%s: profile %q must say which profile it extends (extends = %q)", path, name, DefaultProfile)
		}
		p.Name = name
	}
	return c, nil
}

// CheckRules fails at the first rule setting of the config (in [rules]
// or a profile's) that names no rule of all, or sets it to what a rule
// cannot be, at its line and column, saying what is allowed.
func (c *Config) CheckRules(all []*Rule) error {
	if c == nil || c.src == nil {
		return nil
	}
	known := map[string]bool{}
	for _, r := range all {
		known[r.ID] = true
	}
	check := func(table toml.Key, rules map[string]string) error {
		ids := make([]string, 0, len(rules))
		for id := range rules {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			key := append(append(toml.Key{}, table...), id)
			line, col := findKey(c.src, key)
			if !known[id] {
				return fmt.Errorf("%s:%d:%d: %s: there is no rule %q%s (caselint rules lists them)", c.Path, line, col, key, id, suggest(id, all))
			}
			s, err := ParseRuleSetting(rules[id])
			if err != nil {
				return fmt.Errorf("%s:%d:%d: %s: %w", c.Path, line, col, key, err)
			}
			if lowersUnread(id, s) {
				return fmt.Errorf("%s:%d:%d: %s: %q: invalid-record stays an error, as it cannot be turned off: it reports a record caselint could not read, and as a %s the run would pass with the record unread (a refusal or a visit in it unchecked); put the record right, or suppress one finding with caselint:ignore and its reason", c.Path, line, col, key, rules[id], s.Severity)
			}
		}
		return nil
	}
	if err := check(toml.Key{"rules"}, c.Rules); err != nil {
		return err
	}
	names := make([]string, 0, len(c.Profiles))
	for name := range c.Profiles {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := check(toml.Key{"profiles", name, "rules"}, c.Profiles[name].Rules); err != nil {
			return err
		}
	}
	return nil
}

// findKeyLine returns the line where the last part of key is written under
// its table, or 1.
func findKeyLine(src *schema.Source, key toml.Key) int {
	table := strings.Join(key[:len(key)-1], ".")
	last := key[len(key)-1]
	cur := ""
	for n := 1; n <= src.LineCount(); n++ {
		l := strings.TrimSpace(string(src.Line(n)))
		if strings.HasPrefix(l, "[") {
			cur = strings.Trim(l, "[] ")
			if cur == key.String() {
				return n
			}
			continue
		}
		k, _, ok := strings.Cut(l, "=")
		if !ok {
			continue
		}
		k = strings.Trim(strings.TrimSpace(k), `"'`)
		if k == last && (cur == table || strings.HasSuffix(cur+"."+k, key.String())) {
			return n
		}
	}
	return 1
}

func suggestConfigKey(key toml.Key) string {
	if best := schema.Suggest(key[len(key)-1], configKeys()); best != "" {
		return fmt.Sprintf("; did you mean %s?", best)
	}
	return ""
}

// ResolveProfile returns the profile name (the --profile flag; else the
// config's profile; else combined), with the config's profiles and rule
// settings applied. c may be nil.
func (c *Config) ResolveProfile(name string) (*Profile, error) {
	if name == "" && c != nil {
		name = c.Profile
	}
	if name == "" {
		name = DefaultProfile
	}
	p, err := c.resolve(name, map[string]bool{})
	if err != nil {
		return nil, err
	}
	if c != nil && len(c.Rules) > 0 {
		p = extend(p, &Profile{Name: p.Name, Title: p.Title, Extends: p.Extends, Rules: c.Rules}, func(string) bool { return false })
	}
	return p, nil
}

func (c *Config) resolve(name string, seen map[string]bool) (*Profile, error) {
	var custom *Profile
	if c != nil {
		custom = c.Profiles[name]
	}
	if custom == nil {
		p, err := ShippedProfile(name)
		if err != nil && c != nil && len(c.Profiles) > 0 {
			var names []string
			for n := range c.Profiles {
				names = append(names, n)
			}
			sort.Strings(names)
			return nil, fmt.Errorf("%w; %s defines %s", err, c.Path, strings.Join(names, ", "))
		}
		return p, err
	}
	if seen[name] {
		return nil, fmt.Errorf("%s: profile %q extends itself", c.Path, name)
	}
	seen[name] = true
	base, err := c.resolve(custom.Extends, seen)
	if err != nil {
		return nil, err
	}
	p := extend(base, custom, func(key string) bool { return c.md.IsDefined("profiles", name, key) })
	p.Base = base.Base
	return p, nil
}

// MaxFileSizeLimit is the largest max_file_size a config may set.
const MaxFileSizeLimit = 1 << 30

// ParseSize reads a file size as a config writes it: a number and a unit,
// "2 MB", "512 KB", "1.5MB", "8 MiB", "100000 bytes" (a plain number is
// bytes). KB, MB and GB are taken as 1024-based, as KiB, MiB and GiB are,
// and as file managers show sizes. It must be more than 0 and at most 1 GB.
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := 0
	for i < len(t) && (t[i] >= '0' && t[i] <= '9' || t[i] == '.') {
		i++
	}
	num, unit := t[:i], strings.ToLower(strings.TrimSpace(t[i:]))
	v, err := strconv.ParseFloat(num, 64)
	if num == "" || err != nil {
		return 0, fmt.Errorf("%q is not a size: write a number and a unit, such as \"2 MB\"", s)
	}
	mult := map[string]float64{"": 1, "b": 1, "byte": 1, "bytes": 1,
		"k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10,
		"m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20,
		"g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30}[unit]
	if mult == 0 {
		return 0, fmt.Errorf("%q: unknown unit %q: use bytes, KB, MB or GB", s, strings.TrimSpace(t[i:]))
	}
	n := v * mult
	if n < 1 || n > MaxFileSizeLimit {
		return 0, fmt.Errorf("%q: a size limit must be more than 0 and at most 1 GB", s)
	}
	return int64(n), nil
}

// Calendar returns the working-day calendar the config asks for: England
// and Wales bank holidays, and the config's own closures. c may be nil.
func (c *Config) Calendar() *calendar.Calendar {
	cal := calendar.Default()
	if c != nil && len(c.Closures) > 0 {
		cal = cal.WithClosures(c.Closures, "local closure")
	}
	return cal
}
