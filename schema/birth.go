package schema

// checkBirth reports a child recorded both born and unborn (case format
// version 1.1): a date of birth says the child is born, unborn = true says
// not yet, and a record cannot say both. Reported at the unborn value.
func (d *decoder) checkBirth(c *Child, path []string) {
	if c.Unborn && !c.Born.IsZero() {
		d.doc.Problemf(d.valueAt(join(path, "unborn")),
			"%s = true but %s = %s: the child cannot be both born and unborn; once the child is born, record born and remove unborn (and expected)",
			dotted(join(path, "unborn")), dotted(join(path, "born")), c.Born)
	}
}
