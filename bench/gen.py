#!/usr/bin/python3
"""Synthetic htkp/1 data for the query benchmarks (bench/queries.sh).

    bench/gen.py [--cases N] [--laws N] [--publications N] [--seed S]
                 [--jsonl] -o FILE

Writes one htkp/1 JSON file: N cases (default 100,000) and, unless given,
N/10 laws and N/10 publications. The same arguments give the same bytes
(random.Random(seed), no clock, no hash order). Standard library only.
With --jsonl, the same records as JSON Lines (htkp-import(1)): a first
line {"format": "htkp/1"}, then one {"legislation": {...}}, {"cases":
{...}} or {"bibliography": {...}} a line, in the same order.

What the data is like, and the words bench/queries.c searches for:
  * summaries, abstracts and law summaries of 100-400 words drawn from a
    50,000-word vocabulary with a Zipf-Mandelbrot skew (a few words in
    every record, a long tail of rare ones);
  * "trafficking" planted in ~99.5% of records (a word in nearly every
    record: a bm25 IDF near zero);
  * "labour" in ~37% of cases (planted, and in the purpose "forced labour
    or services" of ~18%), "forced" in ~42%, the phrase "forced labour"
    in ~31%;
  * "hawala" in exactly 12 cases (a rare word);
  * ~150 countries with a skew (the largest has ~6% of the cases),
    outcomes, acts, means, purposes, sectors, genders, nationalities,
    decision dates 1990-2024 (more recent years more frequent), 0-3
    proceedings, and 0-3 laws applied per case, of the case's country.
None of these planted words is in the Zipf vocabulary.
"""
import argparse
import bisect
import itertools
import json
import os
import random
import sys

# Planted words (bench/queries.c searches for these; keep them in step).
EVERY, COMMON, COMMON2, RARE = "trafficking", "labour", "forced", "hawala"
RARE_CASES = 12

# Frequent English words for the head of the vocabulary, most frequent
# first; the tail is made of syllables. None of the planted words.
HEAD = """the of and to in a was that for by he she they his her on with as
were had from at which not this be it an their court or been who is victims
defendant accused would also after into police its one two three years over
them when other against them there where under more time work house money
years than only could all had about first woman women men man girl boy
country city village border family recruited promised job debt passport
employer workers victim judge appeal sentence prison trial evidence witness
testimony prosecution charges convicted acquitted exploitation sexual
prostitution brothel agency transport visa travel documents threatened
violence kept locked paid wages hours farm factory restaurant construction
fishing vessel domestic servant children minor child age school months
weeks days night morning phone messages bank account transfer network group
organised criminal investigation arrested officers raid rescued shelter
support compensation damages restitution article section law act offence
offences guilty plea jury hearing decision ruling judgment found held
considered argued submitted defence counsel lawyer state public prosecutor
ministry government office authorities embassy consulate migrant migrants
irregular smuggling smuggled route journey car truck bus boat flight airport
arrival departure control confiscated identity papers""".split()

SYL = ("ka ta ra ma na la sa va ba da ga pa ri ni li si ti mi ki di vi bi "
       "ro no lo so to mo ko do vo bo ru nu lu su tu mu ku du an en in on "
       "ar er ir or al el il ol as es is os ex tr pl gr st br cr dr fr").split()

COUNTRIES = """Nigeria|Romania|United States|United Kingdom|Philippines|India|
Thailand|Germany|Netherlands|Brazil|Mexico|Argentina|Colombia|Italy|Spain|
France|Belgium|Poland|Bulgaria|Ukraine|Moldova|Russian Federation|Albania|
Serbia|Bosnia and Herzegovina|Greece|Türkiye|Cyprus|Israel|Egypt|Morocco|
Tunisia|Ghana|Côte d'Ivoire|Senegal|Mali|Burkina Faso|Niger|Benin|Togo|
Cameroon|Gabon|Democratic Republic of the Congo|Uganda|Kenya|Tanzania|
Ethiopia|Eritrea|Sudan|South Africa|Namibia|Botswana|Zimbabwe|Zambia|Malawi|
Mozambique|Madagascar|Mauritius|Lebanon|Jordan|Saudi Arabia|United Arab
Emirates|Qatar|Kuwait|Bahrain|Oman|Iraq|Iran|Afghanistan|Pakistan|
Bangladesh|Nepal|Sri Lanka|Myanmar|Cambodia|Lao People's Democratic
Republic|Viet Nam|Malaysia|Singapore|Indonesia|Timor-Leste|China|Mongolia|
Republic of Korea|Japan|Australia|New Zealand|Fiji|Papua New Guinea|Canada|
Guatemala|Honduras|El Salvador|Nicaragua|Costa Rica|Panama|Dominican
Republic|Haiti|Jamaica|Trinidad and Tobago|Venezuela|Ecuador|Peru|Bolivia|
Chile|Paraguay|Uruguay|Guyana|Suriname|Belize|Bahamas|Barbados|Portugal|
Ireland|Iceland|Norway|Sweden|Finland|Denmark|Estonia|Latvia|Lithuania|
Belarus|Czechia|Slovakia|Hungary|Austria|Switzerland|Slovenia|Croatia|
Montenegro|North Macedonia|Kosovo (UNSCR 1244)|Georgia|Armenia|Azerbaijan|
Kazakhstan|Kyrgyzstan|Tajikistan|Uzbekistan|Turkmenistan|Algeria|Libya|
Chad|Central African Republic|Liberia|Sierra Leone|Guinea|Gambia|
Cabo Verde|São Tomé and Príncipe|Angola|Rwanda|Burundi|Somalia|Djibouti|
Yemen|Syrian Arab Republic|Bhutan|Maldives|Brunei Darussalam|Luxembourg|
Malta|European Court of Human Rights|Inter-American Court of Human Rights|
ECOWAS Community Court of Justice"""
COUNTRIES = [c.strip().replace("\n", " ") for c in
             COUNTRIES.replace("\n", " ").replace("  ", " ").split("|")]

NATIONALITIES = """Nigerian Romanian Filipino Thai Vietnamese Chinese Indian
Nepali Bangladeshi Indonesian Ukrainian Moldovan Bulgarian Albanian Polish
Russian Brazilian Mexican Guatemalan Honduran Salvadoran Colombian
Venezuelan Paraguayan Bolivian Peruvian Dominican Haitian Ghanaian Togolese
Beninese Cameroonian Eritrean Ethiopian Somali Sudanese Kenyan Ugandan
Malawian Zimbabwean Mozambican Afghan Pakistani Burmese Cambodian Lao
Uzbek Kyrgyz Tajik Syrian Iraqi Moroccan Egyptian Hungarian Slovak Czech
Latvian Lithuanian Estonian Serbian""".split()

OUTCOMES = [("convicted", 55), ("acquitted", 9), ("mixed", 10),
            ("quashed or retrial", 6), ("violation found", 3),
            ("no violation", 2), ("other", 5)]
VERDICT = {"convicted": "Convicted", "acquitted": "Acquitted",
           "mixed": "Convicted on some counts, acquitted on others",
           "quashed or retrial": "Conviction quashed; retrial ordered",
           "violation found": "Violation found (Article 4)",
           "no violation": "No violation", "other": "Proceedings discontinued"}
ACTS = ["recruitment", "transportation", "transfer", "harbouring", "receipt"]
MEANS = ["threat", "use of force", "coercion", "abduction", "fraud",
         "deception", "abuse of power",
         "abuse of a position of vulnerability",
         "giving or receiving payments or benefits", "debt bondage"]
PURPOSES = [("sexual exploitation", 60), ("forced labour or services", 15),
            ("servitude", 6), ("slavery or practices similar to slavery", 4),
            ("removal of organs", 1), ("forced marriage", 3),
            ("forced criminality", 4), ("begging", 4), ("other", 3)]
SECTORS = ["sex industry", "domestic work", "agriculture", "hospitality",
           "construction", "manufacturing", "fishing", "cannabis cultivation",
           "nail bars", "car washes", "textile industry", "mining",
           "entertainment", "logistics", "recycling", "forestry", "begging",
           "street vending", "food processing", "care work"]
COOPERATION = ["mutual legal assistance", "extradition",
               "joint investigation team", "police cooperation",
               "transfer of proceedings", "European arrest warrant"]
LEGAL_SYSTEMS = ["common law", "civil law", "mixed", "Islamic law",
                 "customary law"]
TOPICS = ["criminalization", "victim protection", "institutional framework",
          "compensation", "prevention", "forced labour", "non-punishment",
          "sexual exploitation", "child trafficking", "international "
          "cooperation", "slavery", "extraterritoriality", "migrant smuggling",
          "labour inspection", "organised crime", "witness protection"]
PUB_TYPES = [("journal article", 45), ("report", 25), ("book", 10),
             ("book chapter", 10), ("thesis", 4), ("working paper", 6)]
METHODS = ["legal analysis", "quantitative", "qualitative", "review",
           "policy analysis", "training material", "other"]
KEYWORDS = ["forced labour", "sexual exploitation", "sex trafficking",
            "case law", "statistics", "international law", "slavery",
            "labour exploitation", "victim identification", "non-punishment",
            "child trafficking", "migration", "supply chains", "gender",
            "criminal justice", "human rights", "organ removal",
            "domestic servitude", "debt bondage", "prosecution", "policing",
            "survivors", "social services", "border control", "corruption",
            "online exploitation", "smuggling", "refugees", "data",
            "prevalence estimation", "fishing industry", "agriculture",
            "training", "compensation", "evaluation", "Palermo Protocol"]
LANGUAGES = [("English", 70), ("Spanish", 8), ("French", 8), ("German", 3),
             ("Portuguese", 3), ("Russian", 2), ("Arabic", 2), ("Italian", 2),
             ("Chinese", 2)]
PUBLISHERS = ["Cambridge University Press", "Oxford University Press",
              "Routledge", "Springer", "United Nations Office on Drugs and "
              "Crime, Vienna", "International Labour Office, Geneva",
              "Anti-Trafficking Review", "Journal of Human Trafficking",
              "Crime, Law and Social Change", "European Journal of "
              "Criminology", "Edward Elgar", "Policy Press"]
COURT_KINDS = ["High Court", "Court of Appeal", "District Court",
               "Supreme Court", "Regional Court", "Criminal Court",
               "Court of First Instance", "Magistrates' Court",
               "Federal Court", "Court of Cassation"]


def weighted(rng, pairs):
    """One value of [(value, weight)]."""
    return rng.choices([v for v, _ in pairs], [w for _, w in pairs])[0]


class Gen:
    def __init__(self, seed, n_cases, n_laws, n_pubs):
        self.rng = random.Random(seed)
        self.seed = seed
        self.n_cases, self.n_laws, self.n_pubs = n_cases, n_laws, n_pubs
        self.vocab = self.make_vocab(50000)
        # Zipf-Mandelbrot: weight of rank r is 1 / (r + 2.7).
        self.cum = list(itertools.accumulate(1.0 / (r + 2.7)
                                             for r in range(len(self.vocab))))
        # Countries by a milder skew: 1 / (r + 8).
        self.country_cum = list(itertools.accumulate(
            1.0 / (r + 8) for r in range(len(COUNTRIES))))
        self.names = self.make_words(3000, 2, 3, capital=True)

    def make_words(self, n, lo, hi, capital=False):
        """n distinct pseudo-words of lo..hi syllables."""
        rng, seen, out = self.rng, set(HEAD) | {EVERY, COMMON, COMMON2, RARE}, []
        while len(out) < n:
            w = "".join(rng.choice(SYL) for _ in range(rng.randint(lo, hi)))
            if w in seen or len(w) < 4:
                continue
            seen.add(w)
            out.append(w.capitalize() if capital else w)
        return out

    def make_vocab(self, n):
        return HEAD + self.make_words(n - len(HEAD), 2, 4)

    def country(self):
        r = self.rng.random() * self.country_cum[-1]
        return COUNTRIES[bisect.bisect(self.country_cum, r)]

    def text(self, n_words, plant):
        """Sentences of n_words Zipf words, with planted words put in at
        random places (a phrase stays together)."""
        rng = self.rng
        words = rng.choices(self.vocab, cum_weights=self.cum, k=n_words)
        for p in plant:
            words.insert(rng.randrange(len(words) + 1), p)
        out, i = [], 0
        while i < len(words):
            k = rng.randint(8, 20)
            s = " ".join(words[i:i + k])
            out.append(s[0].upper() + s[1:] + ".")
            i += k
        return " ".join(out)

    def date(self, lo=1990, hi=2024):
        # Later years more likely: weight grows linearly.
        rng = self.rng
        y = lo + int((hi - lo + 1) * rng.random() ** 0.6)
        y = min(y, hi)
        return "%04d-%02d-%02d" % (y, rng.randint(1, 12), rng.randint(1, 28))

    def person(self):
        rng = self.rng
        return "%s, %s" % (rng.choice(self.names), rng.choice(self.names))

    def laws(self):
        """The laws, and the law ids of each country."""
        rng, by_country, laws = self.rng, {}, []
        for i in range(self.n_laws):
            c = self.country()
            year = rng.randint(1950, 2024)
            kind = rng.choice(["Trafficking in Persons", "Prevention of "
                               "Trafficking", "Criminal Code", "Labour",
                               "Immigration", "Child Protection",
                               "Organised Crime", "Victims of Crime"])
            law = {"id": "LAW-%06d" % (i + 1),
                   "title": "%s %s %d, section %d" % (
                       kind, rng.choice(["Act", "Law", "Decree", "Code"]),
                       year, rng.randint(1, 400)),
                   "country": c, "year": year,
                   "summary": self.text(rng.randint(100, 400),
                                        [EVERY] if rng.random() < 0.995 else []),
                   "topics": rng.sample(TOPICS, rng.randint(1, 3))}
            if rng.random() < 0.5:
                law["url"] = "https://example.org/law/%06d" % (i + 1)
            laws.append(law)
            by_country.setdefault(c, []).append(law["id"])
        return laws, by_country

    def case(self, i, by_country, rare):
        rng = self.rng
        c = self.country()
        outcome = weighted(rng, OUTCOMES)
        purposes = sorted({weighted(rng, PURPOSES)
                           for _ in range(rng.choice([1, 1, 1, 2]))})
        plant = []
        if rng.random() < 0.995:
            plant.append(EVERY)
        if rng.random() < 0.15:
            plant.append(COMMON2 + " " + COMMON)  # the phrase
        if rng.random() < 0.08:
            plant.append(COMMON)
        if rng.random() < 0.10:
            plant.append(COMMON2)
        if i in rare:
            plant.append(RARE)
        year_date = self.date()
        rec = {"id": "CASE-%07d" % (i + 1),
               "title": "%s v. %s%s" % (
                   rng.choice(["Prosecutor", "State", "People", "Republic",
                               "Public Prosecutor", "R", "Ministère public"]),
                   rng.choice(self.names),
                   rng.choice(["", "", "", " and others", " et al."])),
               "country": c,
               "court": "%s of %s" % (rng.choice(COURT_KINDS), c),
               "decision_date": year_date,
               "verdict": VERDICT[outcome], "outcome": outcome,
               "summary": self.text(rng.randint(100, 400), plant),
               "acts": sorted(rng.sample(ACTS, rng.randint(1, 4)),
                              key=ACTS.index),
               "purposes": purposes,
               "legal_system": LEGAL_SYSTEMS[COUNTRIES.index(c) % 5],
               "source": "Synthetic record (bench/gen.py, seed %d)" % self.seed}
        if outcome in ("convicted", "mixed"):
            rec["sentence"] = "%d years' imprisonment" % rng.randint(1, 25)
        if rng.random() < 0.2:
            rec["commentary"] = self.text(rng.randint(20, 60), [])
        if rng.random() < 0.7:
            rec["means"] = rng.sample(MEANS, rng.randint(1, 3))
        if rng.random() < 0.8:
            rec["sectors"] = rng.sample(SECTORS, rng.randint(1, 2))
        if rng.random() < 0.9:
            rec["cross_border"] = rng.random() < 0.6
            if rec["cross_border"]:
                rec["countries_involved"] = [self.country()
                                             for _ in range(rng.randint(1, 3))]
        if rng.random() < 0.15:
            rec["cooperation"] = rng.sample(COOPERATION, rng.randint(1, 2))
        procs = []
        for k in range(rng.choice([0, 0, 1, 1, 2, 3])):
            procs.append({"court": "%s of %s" % (rng.choice(COURT_KINDS), c),
                          "date": year_date, "decision": rng.choice(
                              ["Convicted", "Appeal dismissed",
                               "Sentence reduced", "Acquitted",
                               "Remitted for retrial"]),
                          "outcome": rng.choice(["upheld", "reversed",
                                                 "partly reversed"])})
        if procs:
            rec["proceedings"] = procs
        if rng.random() < 0.95:
            v = {"count": int(rng.paretovariate(1.5)),
                 "gender": rng.choice([["female"], ["female"], ["male"],
                                       ["female", "male"]]),
                 "children": rng.random() < 0.3,
                 "nationalities": rng.sample(NATIONALITIES,
                                             rng.randint(1, 2))}
            rec["victims"] = v
        if rng.random() < 0.75:
            rec["defendants"] = {
                "count": rng.randint(1, 8),
                "gender": rng.choice([["male"], ["female"],
                                      ["female", "male"]]),
                "nationalities": rng.sample(NATIONALITIES, 1)}
        laws = by_country.get(c)
        if laws and rng.random() < 0.7:
            rec["legislation"] = rng.sample(laws, min(len(laws),
                                                      rng.randint(1, 3)))
        return rec

    def publication(self, i):
        rng = self.rng
        title = " ".join(rng.choices(self.vocab, cum_weights=self.cum,
                                     k=rng.randint(3, 8)))
        if rng.random() < 0.5:
            title = "Human %s: %s" % (EVERY, title)
        pub = {"id": "BIB-%06d" % (i + 1), "title": title.capitalize(),
               "authors": [self.person() for _ in range(rng.randint(1, 4))],
               "year": int(self.date()[:4]),
               "type": weighted(rng, PUB_TYPES),
               "publisher": rng.choice(PUBLISHERS),
               "countries": [self.country() if rng.random() < 0.8 else "Global"
                             for _ in range(rng.randint(1, 3))],
               "keywords": rng.sample(KEYWORDS, rng.randint(2, 5)),
               "methods": rng.sample(METHODS, rng.randint(1, 2)),
               "abstract": self.text(rng.randint(100, 400),
                                     [EVERY] if rng.random() < 0.995 else []),
               "language": weighted(rng, LANGUAGES)}
        pub["method"] = pub["methods"][0]
        if rng.random() < 0.4:
            pub["doi"] = "10.%d/%d" % (rng.randint(1000, 9999), i + 1)
        if rng.random() < 0.2:
            pub["isbn"] = "978-%d-%05d-%03d-%d" % (
                rng.randint(0, 9), rng.randint(0, 99999), rng.randint(0, 999),
                rng.randint(0, 9))
        return pub

    def write(self, out, lines=False):
        laws, by_country = self.laws()
        rare = set(self.rng.sample(range(self.n_cases),
                                   min(RARE_CASES, self.n_cases)))
        dump = self.dump_lines if lines else self.dump
        out.write('{"format": "htkp/1"}\n' if lines
                  else '{\n"format": "htkp/1",\n"legislation": [\n')
        dump(out, "legislation", laws)
        del laws
        out.write('' if lines else '],\n"cases": [\n')
        dump(out, "cases", (self.case(i, by_country, rare)
                            for i in range(self.n_cases)))
        out.write('' if lines else '],\n"bibliography": [\n')
        dump(out, "bibliography",
             (self.publication(i) for i in range(self.n_pubs)))
        out.write('' if lines else ']\n}\n')

    @staticmethod
    def dump(out, _db, records):
        first = True
        for r in records:
            if not first:
                out.write(",\n")
            first = False
            out.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")

    @staticmethod
    def dump_lines(out, db, records):
        head = '{"%s":' % db
        for r in records:
            out.write(head)
            out.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")))
            out.write("}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", type=int, default=100000)
    ap.add_argument("--laws", type=int)
    ap.add_argument("--publications", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jsonl", action="store_true",
                    help="write JSON Lines instead of one JSON document")
    ap.add_argument("-o", "--output", required=True, help="FILE, or - for stdout")
    a = ap.parse_args()
    if a.cases < 1:
        ap.error("--cases must be 1 or more")
    laws = a.laws if a.laws is not None else max(1, a.cases // 10)
    pubs = a.publications if a.publications is not None else max(1, a.cases // 10)
    g = Gen(a.seed, a.cases, laws, pubs)
    if a.output == "-":
        g.write(sys.stdout, a.jsonl)
        return
    tmp = a.output + ".part"
    with open(tmp, "w", encoding="utf-8") as f:
        g.write(f, a.jsonl)
    os.replace(tmp, a.output)


if __name__ == "__main__":
    main()
