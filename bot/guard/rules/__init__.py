"""Guard rules as small parts: each module holds one `Rule` (a `kind` and `check(draft, evidence)`).

`RULES` is the registry `check_text` runs, in order. The older rule families still live beside
this package (`bot/guard/*.py`) and move here one at a time.
"""

from bot.guard.rules.agreed_offer import AgreedOffer
from bot.guard.rules.base import Draft, Evidence, Rule
from bot.guard.rules.changed_choice import ChangedChoice
from bot.guard.rules.channel_consent import ChannelConsent
from bot.guard.rules.contact_cap import ContactCap
from bot.guard.rules.contact_hours import ContactHours
from bot.guard.rules.contact_pace import ContactPace
from bot.guard.rules.contact_timing import ContactTiming
from bot.guard.rules.contradicted_value import ContradictedValue
from bot.guard.rules.declined_offer import DeclinedOffer
from bot.guard.rules.early_decision import EarlyDecision
from bot.guard.rules.hardship_pressure import HardshipPressure
from bot.guard.rules.invented_commitment import InventedCommitment
from bot.guard.rules.label_value import LabelValue
from bot.guard.rules.language import ForeignLanguage
from bot.guard.rules.name_misuse import NameMisuse
from bot.guard.rules.opposite_polarity import OppositePolarity
from bot.guard.rules.opt_out import OptOut
from bot.guard.rules.product_plan import ProductPlan
from bot.guard.rules.recorded_slot import RecordedSlot
from bot.guard.rules.relative_name import RelativeName
from bot.guard.rules.risky_request import RiskyRequest
from bot.guard.rules.shared_act import SharedAct
from bot.guard.rules.shared_history import SharedHistory
from bot.guard.rules.stale_value import StaleValue
from bot.guard.rules.superseded_figure import SupersededFigure
from bot.guard.rules.unrecorded_change import UnrecordedChange

RULES: tuple[Rule, ...] = (
    NameMisuse(),
    RelativeName(),
    OptOut(),
    ContactCap(),
    ContactHours(),
    InventedCommitment(),
    ProductPlan(),
    RiskyRequest(),
    ForeignLanguage(),
    SharedHistory(),
    HardshipPressure(),
    EarlyDecision(),
    ContactPace(),
    ChannelConsent(),
    ChangedChoice(),
    SupersededFigure(),
    StaleValue(),
    ContradictedValue(),
    RecordedSlot(),
    LabelValue(),
    UnrecordedChange(),
    OppositePolarity(),
    DeclinedOffer(),
    ContactTiming(),
    SharedAct(),
    AgreedOffer(),
)

__all__ = [
    "RULES",
    "AgreedOffer",
    "ChangedChoice",
    "ChannelConsent",
    "ContactCap",
    "ContactHours",
    "ContactPace",
    "ContactTiming",
    "ContradictedValue",
    "DeclinedOffer",
    "Draft",
    "EarlyDecision",
    "Evidence",
    "ForeignLanguage",
    "HardshipPressure",
    "InventedCommitment",
    "LabelValue",
    "NameMisuse",
    "OppositePolarity",
    "OptOut",
    "ProductPlan",
    "RecordedSlot",
    "RelativeName",
    "RiskyRequest",
    "Rule",
    "SharedAct",
    "SharedHistory",
    "StaleValue",
    "SupersededFigure",
    "UnrecordedChange",
]
