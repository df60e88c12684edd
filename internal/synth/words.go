package synth

// The word banks the records are written from. Every name is invented. The
// prose never uses a word of the profiles' non-specific label, placeholder,
// collective-owner or vague-timescale lists, so that a clean case stays clean.

var girls = []string{
	"Amelia", "Isla", "Ava", "Mia", "Ivy", "Freya", "Lily", "Grace", "Rosie", "Evie",
	"Poppy", "Maya", "Aisha", "Zofia", "Amira", "Hannah", "Layla", "Chloe", "Skye", "Ruby",
	"Sienna", "Imogen", "Nadia", "Esme", "Ellie",
}

var boys = []string{
	"Oliver", "Noah", "Leo", "Arthur", "Muhammad", "Theo", "Oscar", "Harry", "Jack", "Charlie",
	"Alfie", "Finley", "Reggie", "Kacper", "Yusuf", "Ethan", "Tyler", "Riley", "Mason", "Jayden",
	"Logan", "Dylan", "Kai", "Reuben", "Bobby",
}

var surnames = []string{
	"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Wright",
	"Robinson", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson",
	"Clarke", "Khan", "Hughes", "Edwards", "Turner", "Hill", "Moore", "Cooper", "Ward", "Morris",
	"King", "Harris", "Baker", "Lewis", "Kowalski", "Nowak", "Hussain", "Begum", "Ahmed", "Okafor",
	"Mensah", "Popescu", "Ionescu", "Silva", "Murphy", "O'Brien", "Shaw", "Lowe", "Platt", "Dunn",
	"Bennett", "Ellis", "Fletcher", "Carter", "Barker", "Mitchell", "Pearson", "Holt", "Marsh", "Riley",
}

var women = []string{
	"Sarah", "Helen", "Joanne", "Gemma", "Claire", "Aisha", "Priya", "Rebecca", "Lucy", "Fatima",
	"Kelly", "Nicola", "Emma", "Rachel", "Zainab", "Laura", "Beth", "Hannah", "Donna", "Naomi",
	"Anna", "Ewa", "Agnieszka", "Ioana", "Shabana", "Louise", "Jade", "Stacey", "Kerry",
}

var men = []string{
	"Mark", "Daniel", "Tom", "Imran", "James", "Paul", "Andrew", "Chris", "Kwame", "Simon",
	"Ravi", "Gareth", "Steve", "Marek", "Tomasz", "Mihai", "Tariq", "Dean", "Carl", "Wayne",
}

var adultFirst = []string{
	"Sarah", "Mark", "Helen", "Joanne", "Gemma", "Claire", "Aisha", "Daniel", "Priya", "Tom",
	"Rebecca", "Imran", "Lucy", "James", "Fatima", "Kelly", "Paul", "Nicola", "Sam", "Emma",
	"Rachel", "Andrew", "Zainab", "Chris", "Laura", "Kwame", "Beth", "Simon", "Hannah", "Ravi",
	"Donna", "Gareth", "Naomi", "Steve", "Anna", "Marek", "Ewa", "Agnieszka", "Tomasz", "Ioana",
	"Mihai", "Shabana", "Tariq", "Louise", "Dean", "Jade", "Carl", "Stacey", "Wayne", "Kerry",
}

var homeLanguages = []string{"Polish", "Urdu", "Romanian", "Arabic", "Punjabi", "Somali", "Portuguese", "Bengali"}

// The authorities whose case ids the corpus uses, with their teams.
var authorities = []struct{ prefix, council string }{
	{"STK", "Stockport"},
	{"SOT", "Stoke-on-Trent"},
	{"OXF", "Oxfordshire"},
	{"CHE", "Cheshire East"},
	{"DER", "Derbyshire"},
}

var teams = []string{"Safeguarding Team North", "Safeguarding Team South", "Safeguarding Team East", "Safeguarding Team West", "Child Protection Team"}

var schoolsPrimary = []string{"St Mary's Primary School", "Brookfield Primary School", "Oakwood Academy", "Hillside Primary School", "Meadow Lane Primary"}
var schoolsSecondary = []string{"Brookfield Academy", "Castle High School", "Kingsway Academy", "Riverside School", "St Thomas More Catholic College"}
var nurseries = []string{"Little Acorns Nursery", "Sunflower Day Nursery", "Rainbow Children's Centre", "Tiny Steps Nursery"}

var categories = []string{"neglect", "neglect", "neglect", "emotional abuse", "emotional abuse", "physical abuse", "sexual abuse", "multiple"}

// concerns are the plan's "Concerns" paragraphs for each category. {C} is
// the child's name, {P} a parent, {Q} the other adult.
var concerns = map[string][]string{
	"neglect": {
		"{C} has lived in a home where meals are irregular and there is often no food in the fridge. The house has been found cold on three visits, with dog mess on the kitchen floor, and {C}'s school has raised concerns about clothing that is not washed.",
		"{P} has struggled with low mood since the winter and spends much of the day in bed. {C} has missed health appointments, including two hearing tests, and has arrived at school hungry on at least five occasions this term.",
		"Home conditions have been poor for over a year: rubbish bags in the hallway, a broken boiler not reported to the landlord, and no bed for {C}, who sleeps on the sofa. {P} says money is short since benefits were sanctioned.",
		"{Q} drinks heavily most evenings and {P} works nights, so {C} is often left without an adult awake in the house. Neighbours have reported {C} outside after dark without a coat.",
	},
	"emotional abuse": {
		"{C} has lived with domestic abuse by {Q} against {P} for at least two years. Police have attended the address three times since January, and {C} told a teacher that {S} hides in the bathroom when the shouting starts.",
		"{C} is regularly belittled and threatened at home; a neighbour heard {Q} telling {C} to \"get out and not come back\". {C} has started to self-harm by scratching and says nobody at home listens.",
		"{C} has been drawn into the conflict between {P} and {Q} since they separated, and is asked to pass on messages and threats. {H} sleep and school attendance have fallen sharply since the spring.",
	},
	"physical abuse": {
		"{C} was seen at school with bruising to the upper arm in the shape of fingermarks. {C} said {Q} \"grabbed me hard\" after an argument about bedtime. A child protection medical found the bruising consistent with a non-accidental injury.",
		"{C} attended the emergency department with a burn to the hand that {P} said came from a kettle. The account changed twice and the paediatrician was not satisfied that it explained the injury.",
		"{Q} has a conviction for assault and has moved back into the home. {C} has had unexplained bruises to the shins and back, noticed by nursery staff on two occasions in one month.",
	},
	"sexual abuse": {
		"{C} disclosed to a teacher that an adult visitor to the home touched {O} in a way {S} did not like. The police are investigating and the adult has been told not to attend the address.",
		"{C} has shown sexualised behaviour at school that is unusual for a child of this age, and has said things that suggest exposure to adult material at home. {P} has not yet accepted that there is a concern.",
	},
	"multiple": {
		"{C} has lived with neglect and with domestic abuse by {Q} against {P}. Home conditions are poor, {C} has missed school regularly, and police have attended the address twice after reports of shouting and breaking glass.",
		"There are concerns about both the care {C} receives and the risk from {Q}, who has a history of violence. {C} has had unexplained marks, is often hungry at school and has missed medical appointments.",
	},
}

// outcomes are the plan's outcomes, each with its theme: the actions of the
// same theme serve it.
var outcomes = []struct{ text, theme string }{
	{"{C} has regular meals, clean clothes and a warm, safe home, checked at every visit.", "home"},
	{"{C} attends school every day it is open, with attendance above 95% by the review conference.", "school"},
	{"{C} is safe from harm by {Q}, and any contact is supervised as the plan sets out.", "safety"},
	{"{P} understands how the home life has affected {C} and can say what {P} will do differently.", "parent"},
	{"{C}'s health needs are met: every appointment is kept and medication is given as prescribed.", "health"},
	{"{C} has a trusted adult to talk to and says {S} feels safe at home.", "voice"},
	{"{P} works with the support services offered and keeps every appointment.", "parent"},
	{"{C} sleeps in {H} own bed in a bedroom that is clean and has what {S} needs.", "home"},
}

// actions are the plan's actions: a task, its theme (the outcomes it
// serves), the kind of owner, and whether it recurs. owner: "lead",
// "family", "school", "health", "support".
var actions = []struct {
	task, theme, owner string
	every              string // a recurring action's frequency; "" for one due by a date
}{
	{"Visit {C} at home and see {O} alone, including {H} bedroom", "home", "lead", "fortnightly"},
	{"Keep the home clean and safe, with working heating and a bed for {C}", "home", "family", "weekly"},
	{"Make sure {C} has breakfast and a meal each evening", "home", "family", "daily"},
	{"Support {P} with budgeting and benefits, and refer to the food bank", "home", "support", ""},
	{"Share {C}'s attendance each week and report any absence the same day", "school", "school", "weekly"},
	{"Take {C} to school on time every day", "school", "family", "daily"},
	{"Complete a safety plan with {P}, including what to do if {Q} comes to the home", "safety", "support", ""},
	{"Report any contact from {Q} to the police and to {W} the same day", "safety", "family", "daily"},
	{"Complete a parenting programme at the family hub", "parent", "family", ""},
	{"One-to-one sessions with {P} on the effect of the home life on {C}", "parent", "support", "fortnightly"},
	{"Refer {P} to the adult mental health team and follow up the referral", "parent", "health", ""},
	{"Complete a health assessment and bring immunisations up to date", "health", "health", ""},
	{"Attend every health appointment with {C}", "health", "family", "monthly"},
	{"Check {C}'s growth and development and share the results with the core group", "health", "health", ""},
	{"Direct work with {C} on worries and feelings", "voice", "lead", "fortnightly"},
	{"Offer {C} weekly sessions with the learning mentor", "voice", "school", "weekly"},
}

var needsText = []string{
	"{C} is behind with reading and needs extra help in class, which the school is arranging through its learning support team.",
	"{C} needs a regular bedtime and a quiet place to play and read; the family hub can help with a bed and a desk.",
	"{C}'s speech is delayed for {H} age and a referral to speech and language therapy is in place.",
	"{C} needs help to make friends at school and has asked to join an after-school club, which the family hub will fund.",
	"{C} has asthma and needs a current care plan at home and at school, with inhalers in date.",
	"{C} needs to keep seeing the school counsellor and to have a named adult at school to go to when upset.",
}

var contactText = []string{
	"{W} visits {C} at home at least every two weeks and sees {O} alone on every visit, in {H} bedroom or another room {S} chooses. {C} can ring {W} on the duty line.",
	"{W} sees {C} alone at home every fortnight and at school in between when needed. The bedroom is seen at least once between conferences.",
	"Home visits by {W} at least fortnightly, some unannounced, with {C} seen alone each time. Other members of the core group share what they see at each meeting.",
}

var contingencyText = []string{
	"If {Q} returns to the home or contacts {C}, {P} calls 999 and then {W}; {W} holds a strategy discussion with the police the same working day and the core group meets within five working days.",
	"If home conditions fall back or {C} misses school for three days in a row, {W} and {M} will consider bringing the review conference forward and take legal advice on whether the threshold for proceedings is met.",
	"If {P} stops working with the plan or {C} is seen with an injury that is not explained, {W} will hold a strategy discussion the same day and the conference chair will be asked to bring the review forward.",
}

var reviewText = []string{
	"The core group meets monthly and reviews progress against each outcome. The review conference is chaired by {R}.",
	"Progress is reviewed at each core group meeting, held at least monthly, and at the review conference chaired by {R}.",
}

// Visit sections: each bank holds sentences; a section takes two or three.
var observations = []string{
	"The house was tidy and warm when I arrived.",
	"{P} answered the door quickly and offered me a seat in the front room.",
	"The kitchen had been cleaned and there was fresh food in the fridge and cupboards.",
	"There were two bags of rubbish by the back door, which {P} said would go out on bin day.",
	"The heating was on and the boiler has now been repaired by the landlord.",
	"{P} showed me the letter from the housing officer about the repairs to the bathroom.",
	"{Q} was not at the address and {P} said there has been no contact this week.",
	"The living room was cluttered with washing but the floors were clear.",
	"{P} had the timetable for the parenting course on the fridge and said the last session went well.",
	"A new bed had been delivered for {C} from the furniture scheme.",
}

var wishes = []string{
	"Seen alone in {H} bedroom. {C} said things at home are \"better than before\" and that {P} has been cooking tea every night.",
	"Seen alone in the garden. {C} talked about a friend at school and said {S} wants to go to the football club on Saturdays.",
	"Seen alone in the kitchen while {P} made a drink. {C} said {S} misses {Q} but does not want to live with {Q} again.",
	"Seen alone in {H} bedroom. {C} drew a picture of the family and put {P} and the dog next to {O}.",
	"Seen alone. {C} said {S} worries about {P} being sad and would like someone to talk to at school.",
	"Seen alone in the front room. {C} wants {H} own room to be painted blue and asked when the next visit would be.",
}

var meals = []string{
	"{C} had eaten pasta for tea and there was fruit in the bowl.",
	"{P} had made soup and bread, and {C} said breakfast was toast before school.",
	"The family ate together at six o'clock; {C} had sausages and potatoes.",
	"{C} sleeps in {H} own bed, which was made, with clean sheets and a nightlight.",
	"{C} said bedtime is eight o'clock on school nights and that {S} slept well this week.",
	"{C}'s room had a bed, a wardrobe and a box of toys; the window now closes properly.",
}

var presentation = []string{
	"{C} was clean and dressed in school uniform, hair brushed.",
	"{C} chatted easily and showed me a certificate from school for good effort.",
	"{C} was quiet at first and sat close to {P}, then talked more once we played a board game.",
	"{C} laughed at a joke and answered questions in full sentences.",
	"{C} looked tired and yawned several times; {S} said a film had kept {O} up late.",
	"{C} moved around the room freely and showed no sign of pain or discomfort.",
}

var babyPresentation = []string{
	"{C} was clean, in a fresh sleepsuit, and the nappy had been changed recently.",
	"{C} settled quickly when {P} picked {O} up, and made good eye contact.",
	"{C} kicked and reached for the mobile above the cot; no marks or bruises were seen when {P} changed {O}.",
	"{C} was weighed by the health visitor this week and is back on {H} centile line.",
}

var incidents = []string{
	"None.",
	"None reported since the last visit.",
	"{C} has a graze on the knee from a fall in the playground, which the school recorded.",
	"No new injuries; {P} said {C} had a cold last week and missed one day of school.",
}

var babyWishes = []string{
	"{C} was awake and alert, smiling and babbling at {P}.",
	"{C} was awake in the bouncer, following me with {H} eyes and reaching for a toy.",
	"{C} was awake and feeding when I arrived; {P} held {O} close and talked to {O} throughout.",
}

var babyMeals = []string{
	"{C} is fed formula every three to four hours and {P} keeps a feeding chart, which was up to date.",
	"{C} sleeps in a cot in {P}'s room, on {H} back, with no loose bedding.",
	"{P} has started {O} on mashed vegetables at lunchtime as the health visitor advised.",
}

var progress = []string{
	"Attendance has improved to 94% this half term and the school reports that {C} arrives on time.",
	"{P} has attended four of the six parenting sessions and is putting the bedtime routine into practice.",
	"The home was clean and warm at every visit since the last meeting and the boiler is fixed.",
	"{C} has kept every health appointment; the immunisations are now up to date.",
	"There has been no contact from {Q} and the safety plan has been followed.",
	"{C} has started sessions with the learning mentor and says they help.",
	"Rent arrears have been reduced after the benefits appointment and a food bank referral was made.",
}

var decisions = []string{
	"Plan to continue unchanged. Next core group in four weeks at the school.",
	"Actions reviewed: all on track. {W} to visit as planned; next core group in a month.",
	"The core group agreed to keep the plan as it is and to check attendance again at the next meeting.",
	"The health visitor will share the growth check before the next meeting. Next core group in four weeks.",
}

var backgrounds = []string{
	"{C} lives with {P} in a two-bedroom flat rented from a housing association. {Q} lived at the address until the spring and still sees {C} some weekends.",
	"{C} lives with {P} and a younger sibling in a terraced house. The family moved to the area eighteen months ago and have few relatives nearby.",
	"{C} lives with {P}; {Q} moved out after the police were called in the winter. {C}'s grandmother lives nearby and helps with school runs.",
	"The family were known to children's services as a child in need two years ago, when the case was closed after support from the family hub.",
	"The strategy discussion led to a child protection enquiry and an initial child protection conference, which made {C} the subject of a Child Protection Plan.",
	"{C} is registered with the local surgery and is up to date with checks, except for a missed dental appointment in the summer.",
}
