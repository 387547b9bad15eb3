"""Word lists shared by several rules: titles, greetings, bad news, pressure, calm, sales, declined concepts."""

from __future__ import annotations

import json
import re
from pathlib import Path

from memory.lexicon import WEEKDAYS, not_names, titles

# courtesy titles, memory's list of titles typed before a name ("herr", "sra", "coach"), and job titles a display
# name may start with ("Director Hana Novak"): none is the name the client is greeted by
_TITLES = (
    titles() | not_names("dotted_courtesy_titles", "job_titles")  # name_titles.txt holds "mr", "sir", "dame", "prof"
) - frozenset(  # a title that is also a given name or surname ("Dean Morris" is greeted "Dean"): a name word here
    w
    for e in json.loads((Path(__file__).parents[1] / "usecases" / "data" / "draft_words.json").read_text("utf-8"))[
        "titles_also_names"
    ]
    for w in e["words"]
)
_GENERIC_GREETEES = frozenset(
    [
        "there",
        "team",
        "all",
        "everyone",
        "everybody",
        "folks",
        "friend",
        "friends",
        "sir",
        "madam",
        "both",
        "guys",
        "y'all",
        "again",
        "i",
        "hope",
        "thanks",
        "thank",
        "just",
        "quick",
        "happy",
        "good",
        "it",
        "we",
        "our",
        "the",
        "a",
        "this",
        "that",
        "great",
        "welcome",
        "morning",
        "afternoon",
        "evening",
        "hello",
        "hi",
        "hey",
        "dear",
    ]
)
_BAD_NEWS = re.compile(
    r"\b(?:passed away|passed on|died|death|funeral|bereave\w*|condolence\w*|grieving|mourning|"
    r"lost (?:his|her|their|a) (?:wife|husband|partner|mother|mom|mum|father|dad|son|daughter|brother|"
    r"sister|child|baby|job|grandmother|grandfather|grandma|grandpa)|in (?:the )?hospital|hospitali[sz]ed|"
    r"diagnos\w+|cancer|chemo\w*|illness|seriously ill|very ill|fell ill|sick leave|"
    r"laid off|layoffs?|lay-offs?|let go|made redundant|redundanc\w+|bankrupt\w*|divorce\w*|"
    r"car accident|injur(?:ed|y|ies)|miscarriage|tough time|hard time|rough patch|house fire|flood(?:ed|ing)?|"
    r"heart attack|at the hospital|rear-?ended|crashed|totall?ed|break-?in|"
    r"burglar\w*|robbed|fire (?:at|in|destroyed)|evacuat\w+|displaced|"
    # Words that also name what clinics and garages buy ("20 ICU beds", "the surgery wants 3 chairs", "accident
    # repair bays", "stroke unit monitors"): bad news only when they happen to someone, after a word like these.
    r"(?:in|into|had|has|having|after|from|since|his|her|their|my|a|an|bad|major|serious|minor|nasty|emergency)"
    r" (?:the |a |an |his |her |their )?(?:surgery|accident|icu|intensive care|stroke|crash))\b"
)
# "by Friday" presses; "by Saturday" was never read as pressure (a weekend delivery is a plan).
_WORKDAYS = [day for day, number in WEEKDAYS.items() if number < 5]
# Pressure in a message: urgency, a push to commit now, "silver lining" framing.
_PRESSURE_RE = re.compile(
    r"\b(?:today only|this week only|ends? (?:this |on )?(?:" + "|".join(WEEKDAYS) + "|"
    r"soon|tomorrow|today|tonight|this week|\d)|before (?:it's|they're|they are|it is) gone|filling (?:up )?fast|"
    r"going fast|selling fast|won't last|lock (?:it |this |that |your \w+ )?in|(?:put|leave|place) (?:a |down )?(?:a )?deposit|"
    r"deposit (?:down|today|this week)|sign(?:ed)? (?:it |this |the \w+ )?(?:today|this week|by)|commit (?:by|today|this week|now)|"
    r"(?:perfect|great|good|ideal|best) (?:time|moment) to|silver lining|while i have you|don't miss|last chance|act now|"
    r"limited[- ]time|hit my (?:quarter|number|target|quota)|bind it|order (?:it )?(?:today|now|this week)|"
    r"get (?:it|this|your \w+) (?:ordered|signed|booked|done)|(?:special|exclusive) (?:rate|price|deal|offer)|"
    r"trade up|upgrade (?:now|today)|by (?:" + "|".join(_WORKDAYS) + r"|end of (?:day|week|month)))\b"
)
# A gentle message after bad news: no pressure, their timing.
_CALM_RE = re.compile(
    r"\b(?:no rush|no pressure|no hurry|no need to (?:rush|reply|respond|decide|think)|nothing (?:needed|required)|"
    r"take (?:all )?(?:the |your )?time|whenever (?:you're|you are|you feel) ready|when(?:ever)? you're ready|"
    r"when the time is right|(?:happy|glad) to (?:push|pause|hold off|wait|revisit|postpone|move)|"
    r"(?:it|this|that|everything) can wait|no reply needed|don't worry about)\b"
)
_SALES_RE = re.compile(
    r"\b(?:\d{1,3}\s?(?:%|percent)\s+off|discount\w*|special offer|offer|deal|sale|promo\w*|"
    r"upgrade|buy now|order now|limited[- ]time|last chance|don't miss|act now|new collection|"
    r"pricing|price[sd]?|quote|purchase|sign up|renewal|upsell|bundle|free trial)\b"
)
_PHONE_CALLS = "phone calls"
_PHONE_CALL_RE = (
    r"\b(?:(?:call|phone|ring) you|give you a (?:call|ring|buzz)|jump on a (?:quick )?call|hop on a (?:quick )?call|"
    r"(?:a|quick|short) (?:phone )?call\b)"
)
# Things salespeople offer that clients often turn down, each with the many ways a message can offer
# it again: (what a declining note says, how a message offers it). "declined financing" is not
# honoured by a message that offers "0% over 60 months".
_CONCEPTS: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (name, re.compile(trigger), re.compile(offer))
    for name, trigger, offer in (
        (
            "financing",
            r"\b(?:financ\w*|loans?|payment plans?|credit)\b",
            r"\b(?:financ\w*|loans?|0% (?:apr|plan|interest|financing)|\d+(?:\.\d+)?% apr|\$0 down|zero down|"
            r"no money down|payment plans?|monthly payments?|lease[- ]to[- ]own|over \d+ months|\d+ monthly installments)\b",
        ),
        (
            "extended warranty",
            r"\b(?:extended warrant\w*|warranty extension|protection plans?|service contracts?)\b",
            r"\b(?:extended warrant\w*|warranty extension|(?:protection|service|maintenance|coverage|care) "
            r"(?:plan|contract|package)s?|vehicle service contract|platinum (?:plan|protection|coverage))\b",
        ),
        (
            "multi-year terms",
            r"\b(?:multi-?year|long(?:er)?[- ](?:term )?(?:contracts?|deals?|commitments?)|month[- ]to[- ]month|"
            r"annual only|only annual)\b",
            r"\b(?:multi-?year|(?:\d+|two|three|four|five)[- ]year (?:agreement|contract|term|deal|commitment|plan|"
            r"renewal|subscription))\b",
        ),
        (
            "life insurance",
            r"\blife (?:ins\w*|polic\w+|cover\w*)\b",
            r"\b(?:life (?:insurance|ins|polic\w+|cover\w*)|term (?:life|polic\w+|insurance)|whole life|universal life|"
            r"\d+-year term)\b",
        ),
        (
            "hoa",
            r"\b(?:hoas?|homeowners'? association)\b",
            r"\b(?:hoas?|homeowners'? association|association (?:fees?|dues))\b",
        ),
        ("dj", r"\bdjs?\b", r"\b(?:djs?|disc jockey)\b"),
        (
            "open houses",
            r"\bopen houses?\b",
            r"\b(?:open houses?|public showings?|open to (?:the public|everyone)|doors open to)\b",
        ),
        ("cabernet", r"\b(?:cabs?|cabernets?)\b", r"\b(?:cabs?|cabernets?|cab sauv\w*)\b"),
        (
            "big tech",
            r"\b(?:faang|big tech|big-tech)\b",
            r"\b(?:faang|big[- ]tech|google|amazon|facebook|meta|apple|netflix|microsoft)\b",
        ),
        ("oaky wine", r"\boak(?:y|ed)\b", r"\b(?:oaky|oaked|buttery|barrel[- ](?:aged|fermented)|new oak)\b"),
        (
            "drop-in visits",
            r"\b(?:drop(?:ping)? (?:by|in)|drop-?ins?|stop(?:ping)? by|swing(?:ing)? by|pop(?:ping)? in|unannounced)\b",
            r"\b(?:swing|drop|stop|pop|come|pass)(?:ping)? (?:by|in|round)\b|\b(?:i'll|we'll|i will|we will) visit\b",
        ),
    )
)
