// copydesk — ArticleAnalysis
// Word tables that tell people from places and organisations, and guess a person's gender from a
// first name (for `he` and `she`). Lowercase; every table is a `static let`.

import ArticleModel

// MARK: - PersonNames

/// What the quote analyser knows about names without reading the article.
enum PersonNames {
    /// Organisations, institutions and media, and the words naming groups of people: a name
    /// holding one is no person's (`State Department`, `Log Cabin Republicans`).
    static let organisationWords: Set<String> = [
        "state", "states", "post", "times", "news", "house", "senate", "congress", "party", "committee",
        "department", "ministry", "university", "college", "school", "institute", "foundation", "fund",
        "association", "union", "council", "court", "administration", "agency", "bureau", "office",
        "commission", "campaign", "company", "corporation", "corp", "inc", "group", "network",
        "journal", "tribune", "herald", "magazine", "daily", "television", "radio", "press", "media",
        "bank", "church", "army", "navy", "police", "federal", "national", "international", "republic",
        "kingdom", "government", "parliament", "assembly", "caucus", "board", "center", "centre",
        "club", "society", "corps", "organization", "organisation", "coalition", "alliance", "movement",
        "project", "poll", "survey", "report", "studies", "affairs", "services", "relations", "cnn", "nbc", "abc",
        "cbs", "msnbc", "fox", "pbs",
        "npr", "ap", "reuters", "gop", "fbi", "cia", "nato", "isis", "isil", "dnc", "rnc", "usa",
        "twitter", "facebook", "google", "democrats", "republicans", "democratic", "republican",
        "conservative", "conservatives", "liberal", "liberals", "islamic", "muslim", "muslims",
        "christian", "christians", "american", "americans", "mexican", "mexicans", "african",
        "hispanic", "latino", "latinos", "european", "europeans", "russian", "chinese", "british",
        "obamacare", "medicare", "medicaid", "security", "act", "amendment", "convention", "authority", "pac",
        "partners", "airlines", "airline",
    ]

    /// Words that make a capitalised run a place, an organisation, a group or a title of a work
    /// rather than a person (`Islamic State`, `New Hampshire`, `Washington Post`, `Democratic`).
    static let notPersonWords: Set<String> = organisationWords.union([
        // Places.
        "new", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
        "united", "america", "city", "county", "street", "avenue", "square", "park", "hall", "airport",
        "island", "islands", "river", "lake", "mountain", "valley", "bay", "beach", "hampshire",
        "jersey", "york", "carolina", "dakota", "iowa", "ohio", "florida", "texas", "nevada",
        "california", "michigan", "wisconsin", "pennsylvania", "arizona", "colorado", "illinois",
        "massachusetts", "connecticut", "maryland", "kentucky", "tennessee", "alabama", "louisiana",
        "mississippi", "missouri", "oklahoma", "kansas", "nebraska", "minnesota", "oregon", "utah",
        "idaho", "montana", "wyoming", "alaska", "hawaii", "maine", "vermont", "arkansas", "indiana",
        "mexico", "canada", "china", "russia", "syria", "iraq", "iran", "afghanistan", "israel",
        "europe", "africa", "asia", "britain", "england", "france", "germany", "japan", "korea",
        "pakistan", "india", "ukraine", "cuba", "libya", "egypt", "turkey", "chicago", "boston",
        "philadelphia", "miami", "orlando", "atlanta", "detroit", "cleveland", "paris", "london",
        "beijing", "moscow", "washington", "manhattan", "brooklyn", "baltimore", "denver", "dallas",
        "houston", "phoenix", "seattle", "vegas", "los", "angeles", "san", "francisco", "tampa",
        // Days, holidays and other capitalised words that are not people; months below.
        "christmas", "easter", "thanksgiving", "day", "week", "internet", "wall", "white", "capitol", "super",
        "tuesday",
    ]).union(Lexicon.monthNames.subtracting(["may"]))  // May is also a name (Theresa May)

    /// Lowercase role nouns between an organisation or a person and a name (`Clinton spokeswoman
    /// Jennifer Palmieri`, `Republican pollster Daron Shaw`).
    static let roleNouns: Set<String> = [
        "spokeswoman", "spokesman", "spokesperson", "aide", "adviser", "advisor", "strategist", "manager",
        "campaign", "chairman", "chairwoman", "chair", "director", "pollster", "blogger", "columnist",
        "attorney", "lawyer", "candidate", "nominee", "rival", "surrogate", "supporter", "host", "anchor",
        "correspondent", "reporter", "press", "secretary", "chief", "economist", "analyst", "official",
        "commentator", "founder", "executive", "leader", "staffer", "operative", "consultant", "fundraiser",
        "donor", "activist", "organizer", "senior", "communications", "political", "presidential", "hopeful",
        "co-founder", "lawmaker", "critic", "ally", "contributor", "editor", "writer", "author",
    ]

    /// Common masculine first names.
    static let maleFirstNames: Set<String> = [
        "aaron", "adam", "al", "alan", "albert", "alex", "alexander", "andrew", "andy", "anthony",
        "arthur", "barack", "ben", "benjamin", "bernie", "bernard", "bill", "billy", "bob", "bobby",
        "brad", "bradley", "brandon", "brian", "bruce", "carl", "carlos", "charles", "charlie", "chris",
        "christopher", "chuck", "cory", "craig", "dan", "daniel", "danny", "darrell", "dave", "david",
        "dennis", "dick", "don", "donald", "doug", "douglas", "ed", "eddie", "edward", "eric", "evan",
        "frank", "fred", "gary", "george", "gerald", "greg", "gregory", "harold", "harry", "henry",
        "ian", "jack", "jacob", "jake", "james", "jason", "jeb", "jeff", "jeffrey", "jeremy", "jerry",
        "jim", "jimmy", "joe", "john", "johnny", "jon", "jonathan", "jorge", "jose", "joseph", "josh",
        "joshua", "juan", "justin", "keith", "ken", "kenneth", "kevin", "larry", "lawrence", "lee",
        "lindsey", "luis", "marco", "mark", "martin", "matt", "matthew", "michael", "mike", "mitch",
        "mitt", "nathan", "neil", "nicholas", "nick", "patrick", "paul", "peter", "phil", "philip",
        "ralph", "randy", "ray", "raymond", "reince", "richard", "rick", "rob", "robert", "roger",
        "ron", "ronald", "rudy", "russell", "ryan", "sam", "samuel", "scott", "sean", "stephen",
        "steve", "steven", "ted", "terry", "thomas", "tim", "timothy", "todd", "tom", "tommy", "tony",
        "vladimir", "walter", "wayne", "william", "willie", "newt", "rand", "reid", "xi",
        "jesse", "omar", "ahmed", "mohammed", "muhammad", "ali", "hassan", "pedro", "miguel", "antonio",
        "francis", "pope", "king", "prince", "duke", "father", "brother", "son", "husband", "boy",
        "corey", "karl", "rahm", "stuart", "buddy", "glenn", "hugh", "xavier", "dane", "trayvon",
        "sherrod", "arturo", "clarence", "howard", "geoff", "marty", "teddy", "monte", "mitchell",
        "syed", "rush", "kurt", "curt", "dwight", "earl", "eugene", "frederick", "gordon", "herbert",
        "leon", "lloyd", "louis", "marvin", "max", "norman", "oscar", "roy", "stanley", "tyler",
        "vincent", "wesley", "zach", "zachary", "kyle", "derek", "hank", "gene", "rex",
        "elijah", "jared", "reza", "hakeem", "lou", "ivan", "boris", "sergei", "recep", "bashar",
        "bibi", "emmanuel", "francois", "angelo", "mario", "giuseppe",
        "abdul", "abraham", "adrian", "ahmad", "alberto", "alejandro", "alfred", "allen", "alvin", "andre",
        "andres", "armando", "arnold", "barry", "bernardo", "bert", "blake", "brent", "brett", "bryan", "byron",
        "calvin", "cecil", "cesar", "chad", "chester", "clay", "clifford", "clint", "clyde", "colin", "conor",
        "connor", "cornelius", "curtis", "dale", "damian", "dante", "darren", "dean", "dmitry", "dmitri",
        "dominic", "donnie", "duane", "dustin", "edgar", "eduardo", "edwin", "elliot", "emil", "emilio",
        "enrique", "ernest", "ernesto", "felipe", "fernando", "floyd", "francisco", "franklin", "gabriel",
        "gavin", "gilbert", "giovanni", "glen", "graham", "guillermo", "gustavo", "hans", "harvey", "hector",
        "herman", "hugo", "ibrahim", "igor", "isaac", "jamal", "javier", "jay", "jeffery", "jerome", "joel",
        "julian", "julio", "kareem", "kent", "khalid", "lamar", "lance", "lars", "leo", "leonard", "leroy",
        "lewis", "lorenzo", "luke", "malcolm", "manuel", "marc", "marcus", "marshall", "maurice", "melvin",
        "mohamed", "mohammad", "morris", "moses", "nate", "neal", "nelson", "nigel", "noah", "oliver", "otto",
        "pablo", "perry", "pierre", "rafael", "ramon", "randall", "raul", "reginald", "ricardo", "ricky",
        "roberto", "rodney", "roland", "rory", "ross", "ruben", "rudolph", "salvador", "santiago", "saul",
        "sebastian", "sergio", "seth", "shane", "sidney", "simon", "stefan", "terrence", "theodore", "travis",
        "trevor", "troy", "vernon", "victor", "vince", "wade", "wallace", "warren", "wolfgang", "yusuf", "yuri",
        "mikhail", "alexei", "viktor", "andrei", "hamid", "mahmoud", "mustafa", "tariq", "rashid", "ahmet",
        "mehmet", "hiroshi", "shinzo", "narendra", "rahul", "sanjay", "luigi", "matteo", "paolo", "franco",
        "giorgio", "nicolas", "jacques", "philippe", "alain", "henri", "olivier", "thierry", "laurent",
        "didier", "klaus", "jurgen", "helmut", "gerhard", "dieter", "sven", "erik", "magnus", "jens", "nils",
        "anders", "bjorn", "kwame", "desmond", "woodrow", "rusty", "tad", "ethan", "dylan", "caleb", "owen",
        "hunter", "austin", "liam", "mateo", "diego", "marcos", "alfonso", "jaime", "ignacio", "rodrigo",
        "gonzalo", "andrzej",
    ]

    /// Common feminine first names.
    static let femaleFirstNames: Set<String> = [
        "abigail", "alice", "alicia", "amanda", "amy", "andrea", "angela", "ann", "anna", "anne",
        "barbara", "betty", "beverly", "brenda", "carly", "carol", "caroline", "catherine", "cathy",
        "cheryl", "christina", "christine", "claire", "cynthia", "dana", "deborah", "debbie", "denise",
        "diana", "diane", "donna", "dorothy", "elizabeth", "ellen", "emily", "emma", "evelyn",
        "frances", "gina", "gloria", "hannah", "heather", "helen", "hillary", "hope", "huma", "ivanka",
        "jane", "janet", "janice", "jean", "jennifer", "jessica", "jill", "joan", "joyce", "judith",
        "judy", "julia", "julie", "karen", "kate", "katherine", "kathleen", "kathy", "katie", "katy",
        "kayleigh", "kellyanne", "kelly", "kim", "kimberly", "kirsten", "laura", "lauren", "linda",
        "lisa", "loretta", "lori", "lynn", "madeleine", "margaret", "maria", "marie", "marilyn",
        "martha", "mary", "megan", "megyn", "melania", "melanie", "melissa", "michelle", "mika",
        "nancy", "nicole", "nikki", "olivia", "pam", "pamela", "patricia", "patty", "paula", "rachel",
        "rebecca", "sandra", "sara", "sarah", "sharon", "shirley", "sophia", "stephanie", "susan",
        "suzanne", "teresa", "theresa", "tiffany", "tina", "valerie", "victoria", "virginia",
        "wendy", "condoleezza", "nina", "rosa", "carmen", "ana", "angelina",
        "queen", "princess", "duchess", "mother", "sister", "daughter", "wife", "girl", "woman",
        "gennifer", "chelsea", "zoe", "monica", "sheila", "heidi", "joni", "phyllis", "dianne",
        "ruth", "irene", "joanne", "jo", "marsha", "marcia", "norma", "peggy", "penny", "roberta",
        "sally", "samantha", "shannon", "sheryl", "stacey", "tammy", "tara", "vanessa", "yvonne",
        "ayanna", "kamala", "tulsi", "betsy", "jeanne", "ileana", "debra", "jeanine", "meghan", "meg",
        "hilary", "marianne",
        "adriana", "agnes", "aisha", "alexandra", "alison", "allison", "alma", "amber", "amelia", "anastasia",
        "angelica", "angelique", "anita", "annette", "antonia", "april", "ariana", "arlene", "audrey", "ava",
        "beatrice", "becky", "belinda", "bernadette", "beth", "bethany", "bonnie", "brittany", "brooke",
        "camila", "candace", "carla", "carolyn", "carrie", "cassandra", "cecilia", "charlotte", "chloe",
        "christy", "cindy", "clara", "claudia", "colleen", "connie", "constance", "courtney", "crystal",
        "daisy", "daniela", "danielle", "daphne", "darlene", "dawn", "dolores", "dora", "doris", "edith",
        "eileen", "elaine", "eleanor", "elena", "elisa", "elise", "eliza", "ella", "elsa", "eva", "eve",
        "faith", "fatima", "felicia", "fiona", "florence", "fran", "francesca", "gabriela", "gabrielle", "gail",
        "geraldine", "gilda", "grace", "gretchen", "gwen", "harriet", "hazel", "holly", "ida", "ingrid", "irma",
        "isabel", "isabella", "jacqueline", "jasmine", "jeannette", "jenna", "jenny", "joanna", "jocelyn",
        "josephine", "juanita", "julianne", "juliet", "june", "kara", "karla", "katrina", "kay", "kristen",
        "kristin", "latoya", "leah", "lena", "leticia", "lillian", "lily", "lois", "lorraine", "louise",
        "lucia", "lucy", "luisa", "lydia", "mabel", "mae", "mandy", "marcela", "margarita", "margo", "maribel",
        "marina", "marisa", "marjorie", "marlene", "marta", "maureen", "maxine", "melinda", "mercedes",
        "meredith", "mia", "mildred", "miranda", "miriam", "molly", "myra", "nadia", "naomi", "natalia",
        "natasha", "nellie", "nora", "olga", "paige", "patrice", "pauline", "pearl", "priscilla", "rita",
        "rosalind", "rose", "rosemary", "roxanne", "sabrina", "selena", "serena", "sherry", "silvia", "sofia",
        "sonia", "sonya", "stella", "sue", "susana", "sylvia", "tamara", "tanya", "tatiana", "thelma", "tracy",
        "ursula", "vera", "veronica", "vicki", "viola", "violet", "vivian", "wanda", "whitney", "yolanda",
        "yasmin", "maryam", "leila", "layla", "sabine", "petra", "ines", "nathalie", "sylvie", "brigitte",
        "chantal", "isabelle", "sophie", "camille", "giulia", "chiara", "indira", "priya", "sunita", "yoko",
        "keiko", "robyn", "jillian", "kristina", "katharine", "kathryn", "caitlin", "erin", "jennie", "ashley",
    ]

    /// The gender a first name suggests, if the tables know it.
    static func gender(ofFirstName word: String) -> NameBook.Gender? {
        let key = word.lowercased()
        if maleFirstNames.contains(key) { return .male }
        if femaleFirstNames.contains(key) { return .female }
        return nil
    }
}
