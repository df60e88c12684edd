package lint

import (
	"testing"

	"github.com/caselint/caselint/schema"
)

func TestMentionsNeed(t *testing.T) {
	yes := [][2]string{
		{"Jamie's autism means changes must be explained in advance.", "autism"},
		{"Jamie's AUTISM", "Autism"},
		{"Jamie has an ASD diagnosis; CAMHS will support.", "autism"},
		{"Jamie is autistic and needs routine.", "autism"},
		{"Jamie is diabetic; insulin at school.", "diabetes"},
		{"Asthmatic: inhaler at school.", "asthma"},
		{"Jamie's asthma plan.", "asthma – uses an inhaler"},
		{"Epileptic seizures are monitored.", "epilepsy"},
		{"She has an Education, Health and Care Plan.", "EHCP"},
		{"Jamie's autism is understood at school.", "Autism: diagnosed 2024"},
		{"Jamie's autism", "ASD"},
		{"Jamie's autism", "autism (diagnosed 2024)"},
		{"Asthma: inhalers kept at school.", "asthma"},
		{"Speech and language therapy for Jamie's speech delay.", "speech and language delay"},
		{"Jamie's speech is delayed; SALT referral", "speech delay"},
		{"Hearing: Jamie wears hearing aids.", "hearing aid"},
		{"ADHD medication reviewed by the paediatrician.", "attention deficit hyperactivity disorder"},
		{"Support with attention deficit hyperactivity disorder.", "ADHD"},
		{"His special educational needs are met by an EHCP.", "SEND"},
		{"Jamie's speech and language are behind; SALT referral.", "speech and language delay"},
		{"Sleep: a routine agreed with the health visitor.", "sleep disorder"},
		{"A delay in walking", "delay"},
		{"anything", "  "},
		{"anything", "(none)"},
	}
	no := [][2]string{
		{"Jamie is behind with reading.", "autism"},
		{"Jamie has language difficulties.", "speech delay"},
		{"Jamie's asthma", "eczema"},
		{"The autistic spectrum was discussed", "ADHD"},
		{"", "autism"},
		{"Jamie has a hearing test", "hearing impairment"},
		{"Jamie's speech is clear.", "language delay"},
	}
	for _, c := range yes {
		if !MentionsNeed(c[0], c[1]) {
			t.Errorf("MentionsNeed(%q, %q) = false", c[0], c[1])
		}
	}
	for _, c := range no {
		if MentionsNeed(c[0], c[1]) {
			t.Errorf("MentionsNeed(%q, %q) = true", c[0], c[1])
		}
	}
}

func TestNeeds(t *testing.T) {
	prof, _ := ShippedProfile(ProfileCombined)
	c := NewCase("c", &schema.CaseRecord{Child: schema.Child{Name: "Jamie", Needs: []string{" autism ", "", "TBC", "None identified", "no additional needs", "Not known", "unknown", "asthma", "not toilet trained"}}}, nil)
	if got := c.Needs(prof); len(got) != 3 || got[0] != "autism" || got[1] != "asthma" || got[2] != "not toilet trained" {
		t.Errorf("Needs = %q", got)
	}
	if c.NeedAddressed("autism") {
		t.Error("a case with no plan addresses a need")
	}
}
