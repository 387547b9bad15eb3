"""The deterministic truth guard: checks a draft against what the ledger knows, offline.

`check_text(text, ctx)` is pure: it reads only the text and the `DraftContext` (notes, facts,
commitments, sent messages) and returns a `GuardReport`. Every finding names its kind, the exact
offending substring of the text (`span`), a plain message and the note ids involved.

The rules aim to be precise rather than paranoid: a truthful, grounded draft must pass cleanly.
A claim of shared history is accepted when some note (or fact, or the salesperson's own purpose)
backs its event, place and time; an offer when an open commitment or a note names it.

Layout: `model` (kinds, report types), `text`/`when`/`geo`/`values`/`interactions`/`lexicon`
(shared helpers and vocabularies), `truth` (the ledger as evidence), the older rule families still
mixed into `check._Guard` (`contact`, `names`, `family`, `numbers`, `places`, `sensitive`, `entities`,
`changes`, `variants`, `presumed`, `bindings`), readers that one rule module each uses (`claims`,
`hearsay`, `events`, `offers`, built by `readers.read`), the libraries `preferences` (declined items as
concepts) and `claim_structure` (claims by structure, event-level support), and `check` (runs the
families, then the `rules/` registry: one `Rule` per module). The text is read through `normalise`
first. `too_frequent` counts approved messages and notes that log outreach ("emailed her the quote",
"left a voicemail"), and honours a client's own limit ("max once a month").
"""

from bot.guard.check import check_text, declined_items
from bot.guard.interactions import interaction_kind
from bot.guard.model import BLOCKING, KINDS, Finding, GuardReport
from bot.guard.sensitive import sensitive_note_ids

__all__ = [
    "BLOCKING",
    "KINDS",
    "Finding",
    "GuardReport",
    "check_text",
    "declined_items",
    "interaction_kind",
    "sensitive_note_ids",
]
