"""Generated news-like articles for benchmarks: 600-1,200 words, names, quotes and reported speech,
deterministic for a seed. Not realistic prose, but realistic in shape and in what the quote
extractor and the full-text index have to chew on."""

from __future__ import annotations

import random
from collections.abc import Iterator

FIRST = [
    "Anna",
    "Pavel",
    "Maria",
    "John",
    "Leila",
    "Tomás",
    "Aiko",
    "Grace",
    "Omar",
    "Ingrid",
    "Valentina",
    "Samuel",
    "Chloé",
    "Dmitri",
    "Priya",
    "Lucas",
    "Fatima",
    "Erik",
    "Noor",
    "Mei",
]
LAST = [
    "Melnikova",
    "Tabalov",
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Haddad",
    "Kowalski",
    "Nguyen",
    "Fernandes",
    "Brennan",
    "Sato",
    "Ibrahim",
    "Novak",
    "Castillo",
    "Walsh",
    "Schmidt",
]
ROLES = [
    "a spokeswoman for the ministry",
    "the city's mayor",
    "a senior analyst",
    "a nurse",
    "the union's president",
    "a local farmer",
    "a defence official",
    "the team's coach",
]
CUES = ["said", "told reporters", "says", "added", "explained", "recalled", "warned", "noted"]
TOPICS = [
    "the budget",
    "the flood defences",
    "the new hospital",
    "the ceasefire",
    "the election",
    "the transit strike",
    "rising rents",
    "the school closures",
    "the harvest",
    "the trial",
]
OUTLETS = ["The Ledger", "Morning Post", "City Wire", "Northern Star", "Daily Record"]
WORDS = [
    "council",
    "government",
    "officials",
    "residents",
    "week",
    "plan",
    "report",
    "costs",
    "months",
    "year",
    "support",
    "workers",
    "community",
    "pressure",
    "decision",
    "vote",
    "public",
    "safety",
    "funding",
    "recent",
    "data",
    "district",
    "critics",
    "schedule",
    "promise",
    "region",
    "families",
    "service",
    "agency",
    "debate",
    "process",
    "policy",
]


def sentence(rng: random.Random, n: int | None = None) -> str:
    words = rng.choices(WORDS, k=n or rng.randint(8, 22))
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def article(rng: random.Random, index: int) -> tuple[str, str]:
    """(title, body) of one article; the body's paragraphs are separated by blank lines."""
    people = [(rng.choice(FIRST), rng.choice(LAST), rng.choice(ROLES)) for _ in range(3)]
    topic = rng.choice(TOPICS)
    title = f"{topic.capitalize()}: {sentence(rng, 6)[:-1]} ({index})"
    paragraphs: list[str] = []
    words = 0
    target = rng.randint(600, 1200)
    introduced: set[int] = set()
    while words < target:
        who = rng.randrange(len(people))
        first, last, role = people[who]
        name = f"{first} {last}" if who not in introduced else last
        introduced.add(who)
        kind = rng.random()
        if kind < 0.3:
            p = f"“{sentence(rng)} {sentence(rng)}” {name} {rng.choice(CUES)} about {topic}."
        elif kind < 0.45:
            p = f"{name}, {role}, {rng.choice(CUES)} that {sentence(rng).lower()}"
        elif kind < 0.55:
            p = f"“{sentence(rng)}” {rng.choice(CUES)} {name}. “{sentence(rng)}”"
        else:
            p = " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
        paragraphs.append(p)
        words += len(p.split())
    return title, "\n\n".join(paragraphs)


def articles(count: int, seed: int = 1) -> Iterator[tuple[str, str]]:
    rng = random.Random(seed)
    for i in range(count):
        yield article(rng, i)


def as_plain_text(title: str, body: str, timestamp: int) -> str:
    """The `<unix time> <title>` format of Byline's sample documents."""
    return f"{timestamp} {title}\n\n{body}\n"
