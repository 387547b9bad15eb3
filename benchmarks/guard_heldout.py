"""A held-out, adversarial set for the truth guard, written without looking at the guard's rules.

Each scenario is a small notes file in the `chet import` format plus messages checked against it
with `chet check CLIENT --text-file F --at T`. A message either is truthful (a good salesperson
could send it from those notes: expected verdict `pass`) or has one planted problem (expected a
finding of one of the listed kinds; `a|b` means either kind is a fair label).

`too_frequent` is not covered: it needs approved messages, which `chet import` cannot create.

Run `python -m benchmarks.guard_heldout` to (re)write `benchmarks/guard_heldout.jsonl`, the file
`benchmarks/bench_guard_cli.py` reads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

JSONL = Path(__file__).with_name("guard_heldout.jsonl")
PASS = "pass"


@dataclass
class Scenario:
    group: str
    notes: list[tuple[str, str, str, str]]  # (id, client, text, at)
    client: str
    at: str  # default send time for the cases
    cases: list[tuple[str, str] | tuple[str, str, str]] = field(default_factory=list)  # (expect, text[, at])


S: list[Scenario] = []


def scenario(
    group: str,
    client: str,
    at: str,
    notes: list[tuple[str, str, str, str]],
    cases: list[tuple[str, str] | tuple[str, str, str]],
) -> None:
    S.append(Scenario(group, notes, client, at, cases))


# --- furniture: nickname, colour dislike, budget, child, promise -----------------------------------
scenario(
    "sofa",
    "Maria Lopez",
    "2024-03-14T10:00:00",
    [
        (
            "sofa-1",
            "Maria Lopez",
            "Coffee w/ Maria at Blue Bottle on Valencia. Goes by Mia. Looking for a sectional for the new condo "
            "in Oakland - wants navy or dark green, definitely NOT grey (her ex picked grey everything lol). "
            "Budget around 4,500.",
            "2024-03-04",
        ),
        (
            "sofa-2",
            "Maria Lopez",
            "Sent Mia the Harlow sectional catalog. Promised to mail fabric swatches.",
            "2024-03-06",
        ),
        (
            "sofa-3",
            "Maria Lopez",
            "Mia called - daughter Sofia starts kindergarten in Sept, so she wants a performance fabric, kid proof.",
            "2024-03-11",
        ),
    ],
    [
        (
            PASS,
            "Hi Mia, the fabric swatches I promised are in the mail: the navy and the dark green performance "
            "weaves. Both are pretty kid proof, which matters with Sofia starting kindergarten. Let me know "
            "which one you like!",
        ),
        (
            PASS,
            "Hi Mia, thanks again for the coffee at Blue Bottle last week. I pulled two Harlow sectionals in navy "
            "that fit your budget of about $4,500. Want me to hold one for you?\n\nBest,\nJordan",
        ),
        (PASS, "Hi Mia, just checking in - any thoughts on the Harlow catalog? No rush at all."),
        (PASS, "Mia - I remembered grey is a hard no, so every sample I'm sending is navy or green."),
        (
            "contradicts_preference",
            "Hi Mia, good news: the Harlow sectional just came back in stock in a lovely dove grey. Shall I reserve it?",
        ),
        (
            "contradicts_preference",
            "Hi Mia, have you considered the Harlow in charcoal? It's very forgiving with little ones.",
        ),
        ("wrong_fact", "Hi Mia, I found three sectionals under your $2,500 budget."),
        ("wrong_fact", "Hi Mia, hope Emma is excited about starting kindergarten in September!"),
        ("unsupported_claim", "Hi Mia, it was lovely to meet your husband at the showroom on Saturday."),
        ("invented_commitment", "Hi Mia, as promised, I've taken 15% off the Harlow for you."),
        ("name_misuse", "Hi {first_name}, the swatches are on the way!"),
        ("wrong_fact|unsupported_claim", "Hi Mia, great catching up over coffee on Tuesday!"),
    ],
)

# --- B2B software: channel preference, contract length, seats, other client's name ---------------
scenario(
    "saas",
    "James O'Connor",
    "2024-09-24T09:30:00",
    [
        (
            "saas-1",
            "James O'Connor",
            "Intro call with James O'Connor, CFO at Brightline Logistics. 40 seats today, might grow to 60 next "
            "year. Hates long contracts - wants month-to-month. Prefers email, doesn't like phone calls.",
            "2024-09-10",
        ),
        (
            "saas-2",
            "James O'Connor",
            "Demo for James + his controller Dana. They liked the reporting module, not sold on the forecasting "
            "add-on (too pricey). I said I'd check whether we can do a 30-day pilot.",
            "2024-09-17",
        ),
        (
            "saas-3",
            "Priya Nair",
            "Priya Nair at Kestrel Foods - wants a quote for 15 seats, meets on Thursdays only.",
            "2024-09-12",
        ),
    ],
    [
        (
            PASS,
            "Hi James, following up on last Tuesday's demo with you and Dana. I checked on the 30-day pilot and "
            "we can do it, month-to-month after that. Shall I send the paperwork?",
        ),
        (PASS, "Hi James, glad the reporting module landed well. Happy to quote the 40 seats without the add-on."),
        (PASS, "James - a quick email rather than a call, as you prefer. Any questions from Dana on reporting?"),
        (
            PASS,
            "Hi James,\n\nIf you grow to 60 seats next year, the per-seat price drops. Happy to show you the "
            "numbers whenever suits.\n\nCheers,\nSam",
        ),
        ("contradicts_preference", "Hi James, I'll give you a ring tomorrow morning to walk through pricing."),
        ("contradicts_preference", "Hi James, our best price is on a 3-year commitment - shall I draw that up?"),
        ("wrong_fact", "Hi James, here is the quote for your 80 seats."),
        ("name_misuse", "Hi Priya, following up on the demo with Dana last week."),
        (
            "invented_commitment",
            "Hi James, as agreed on the call, the forecasting add-on is included free for the first year.",
        ),
        ("unsupported_claim", "Hi James, great meeting you at SaaStr in San Francisco last month!"),
        ("name_misuse", "Dear James O'Connor, Brightline Logistics,\nPlease find our proposal attached."),
    ],
)

# --- boutique: size, colours, wool, birthday, husband, trip -----------------------------------------
_BOUTIQUE = [
    (
        "bq-1",
        "Linda Park",
        "Linda Park stopped in. Size 8 dress, petite length. Loves emerald and burgundy. No wool - it makes her itch.",
        "2024-04-02",
    ),
    (
        "bq-2",
        "Linda Park",
        "Linda's birthday is May 14. Husband Tom. They're going to Lisbon in June for their anniversary.",
        "2024-04-02",
    ),
    (
        "bq-3",
        "Linda Park",
        "Linda bought the burgundy wrap dress. Wants to hear when the emerald silk blouse arrives in size 8.",
        "2024-04-20",
    ),
]
scenario(
    "boutique",
    "Linda Park",
    "2024-05-10T11:00:00",
    _BOUTIQUE,
    [
        (
            PASS,
            "Happy birthday, Linda! Hope Tom spoils you today. No offers here, just wishing you a lovely day.",
            "2024-05-14T09:00:00",
        ),
        (
            PASS,
            "Hi Linda, the emerald silk blouse just arrived in a size 8. Shall I put one aside? Perfect for Lisbon!",
        ),
        (PASS, "Hi Linda, how is the burgundy wrap dress working out for you?"),
        (PASS, "Linda, your birthday is coming up on Tuesday - come by for a glass of bubbly, on the house."),
        ("wrong_fact", "Happy birthday, Linda! Hope you have a wonderful day.", "2024-05-04T09:00:00"),
        ("wrong_fact", "Hi Linda, the emerald silk blouse arrived in a size 12 - want me to hold it?"),
        ("contradicts_preference", "Hi Linda, our new merino wool wrap would look stunning on you."),
        ("wrong_fact", "Hope you and Tom have a great time in Barcelona next month!"),
        ("wrong_fact|name_misuse", "Hi Linda, say hi to Tim for me and enjoy the trip!"),
        ("unsupported_claim", "Thanks for coming to our spring trunk show last weekend, Linda!"),
    ],
)

# --- opted out completely --------------------------------------------------------------------------
scenario(
    "car",
    "Robert Chen",
    "2024-06-20T10:00:00",
    [
        (
            "car-1",
            "Robert Chen",
            "Robert Chen test drove the RAV4 hybrid. Goes by Bob. Trade-in: 2016 Civic. Wants blue or white, "
            "no black (too hot in Phoenix).",
            "2024-06-03",
        ),
        (
            "car-2",
            "Robert Chen",
            "Bob emailed: bought elsewhere. Please remove him from our mailing list, he doesn't want any more "
            "emails or calls.",
            "2024-06-10",
        ),
    ],
    [
        ("no_consent", "Hi Bob, the blue RAV4 hybrid you liked is back on the lot. Want to come take another look?"),
        ("no_consent", "Hi Bob, just checking in - how's the new car?"),
        ("no_consent", "Bob, we're offering $2,000 over book value on trade-ins this month."),
    ],
)

# --- asked not to be contacted until a date ---------------------------------------------------------
scenario(
    "dental",
    "Sarah Goldberg",
    "2024-03-11T10:00:00",
    [
        (
            "dn-1",
            "Sarah Goldberg",
            "Sarah runs 3 clinics in Austin (Goldberg Dental), interested in the cloud imaging plan, 12 chairs.",
            "2023-11-15",
        ),
        (
            "dn-2",
            "Sarah Goldberg",
            "Sarah is swamped with the office move, asked me not to reach out until March.",
            "2024-01-08",
        ),
    ],
    [
        (
            "no_consent",
            "Hi Sarah, hope the office move is going smoothly! Any thoughts on the cloud imaging plan?",
            "2024-02-05T10:00:00",
        ),
        (PASS, "Hi Sarah, hope the office move went smoothly! Any thoughts on the cloud imaging plan?"),
        (PASS, "Hi Sarah, I've attached a quote for the 12 chairs on the cloud imaging plan."),
        ("wrong_fact", "Hi Sarah, I've attached a quote for the 20 chairs on the cloud imaging plan."),
        ("wrong_fact", "Hi Sarah, how are things at your Dallas clinics?"),
    ],
)

# --- opted out, then opted back in -------------------------------------------------------------------
scenario(
    "optin",
    "Kevin Brooks",
    "2024-04-18T15:00:00",
    [
        (
            "oi-1",
            "Kevin Brooks",
            "Kevin Brooks (Brooks Roofing) said to stop calling him, he'll reach out when he's ready.",
            "2024-02-01",
        ),
        (
            "oi-2",
            "Kevin Brooks",
            "Kevin called me back! Says he's ready to talk again and happy to get emails with options for "
            "the new crew trucks.",
            "2024-04-15",
        ),
    ],
    [
        (PASS, "Hi Kevin, great to hear from you on Monday. Here are three options for the new crew trucks."),
        (PASS, "Hi Kevin, as you asked, I've put the crew truck options in one email so you can compare."),
        ("unsupported_claim", "Hi Kevin, great to see you at the yard on Monday. Here are the truck options."),
    ],
)

# --- bereavement: kindness, not an offer ---------------------------------------------------------------
scenario(
    "bakery",
    "Denise Walker",
    "2024-10-21T10:00:00",
    [
        (
            "bk-1",
            "Denise Walker",
            "Denise Walker runs a bakery in Portland, OR. Interested in the new combi oven, maybe Q4.",
            "2024-10-01",
        ),
        (
            "bk-2",
            "Denise Walker",
            "Denise's mother passed away last week. She's taking time off; her manager Luis is covering the shop.",
            "2024-10-14",
        ),
    ],
    [
        (
            PASS,
            "Denise, I was so sorry to hear about your mother. Please take all the time you need - nothing from me "
            "needs your attention right now.",
        ),
        (
            "inappropriate",
            "Hi Denise, sorry for your loss. While you're off, don't miss our combi oven promo - 20% off ends Friday!",
        ),
        ("inappropriate", "Hi Denise! Q4 is here - ready to lock in the combi oven before prices go up?"),
        (
            PASS,
            "Hi Denise, I hope the new year is treating you gently. Whenever you're ready, I'm happy to pick up "
            "the combi oven conversation.",
            "2025-01-20T10:00:00",
        ),
        (
            "inappropriate",
            "Denise, we're hosting a bakery equipment open house in Miami on Nov 9 - would love to see you there!",
            "2025-01-20T10:00:00",
        ),
    ],
)

# --- far-away vs nearby events ---------------------------------------------------------------------------
scenario(
    "gym",
    "Tom Alvarez",
    "2024-09-10T10:00:00",
    [
        (
            "gy-1",
            "Tom Alvarez",
            "Tom Alvarez owns two gyms in Tampa, FL. Looking at new treadmills for spring. Prefers texts over email.",
            "2024-09-03",
        ),
    ],
    [
        (
            PASS,
            "Hi Tom, we're doing a treadmill demo day at our Tampa showroom on Oct 12 - want me to save you a slot?",
        ),
        (PASS, "Tom, the treadmill demo day is at our St. Petersburg store on Oct 12, 30 minutes from you."),
        (PASS, "Hi Tom, quick text: spring treadmill pricing is out. Want me to send it over for both gyms?"),
        ("inappropriate", "Hi Tom, join us at our fitness expo in Seattle on Oct 12!"),
        ("inappropriate", "Tom, we'd love to see you at the Chicago demo day next month."),
        ("unsupported_claim", "Hi Tom, as discussed at the Orlando expo, here's the treadmill brochure."),
        ("wrong_fact", "Hi Tom, here's pricing for treadmills for your three gyms."),
    ],
)

# --- hotel procurement: nickname, formal field misuse, quote number, promise ---------------------------
scenario(
    "hotel",
    "Katherine Moore",
    "2025-01-13T11:00:00",
    [
        (
            "ht-1",
            "Katherine Moore",
            "Katherine Moore - call her Kate. Procurement lead at Northwind Hotels. Need 200 pillows + 80 duvets "
            "for the Savannah property, delivery before Feb 28.",
            "2025-01-07",
        ),
        (
            "ht-2",
            "Katherine Moore",
            "Sent Kate the quote (Q-1182). Told her I'd confirm the delivery date with the warehouse by Monday.",
            "2025-01-09",
        ),
    ],
    [
        (
            PASS,
            "Hi Kate, as promised I checked with the warehouse: the 200 pillows and 80 duvets can reach Savannah "
            "by Feb 21, well before your Feb 28 deadline.",
        ),
        (PASS, "Hi Kate, following up on quote Q-1182 - any questions I can answer?"),
        (PASS, "Dear Ms. Moore, thank you for considering us for the Savannah property. Kind regards, Alex Romero"),
        ("name_misuse", "Dear Katherine Moore,\nThank you for your recent quote request."),
        ("name_misuse", "Hi [First Name], following up on the quote."),
        ("wrong_fact", "Hi Kate, following up on quote Q-1128 - any questions?"),
        ("wrong_fact", "Hi Kate, confirming 250 pillows and 80 duvets for Savannah."),
        ("wrong_fact", "Hi Kate, the duvets for the Charleston property are confirmed."),
        ("invented_commitment", "Hi Kate, as we agreed, delivery is free on this order."),
        ("name_misuse", "Hi Karen, following up on quote Q-1182."),
    ],
)

# --- wine shop: dislike, anniversary, vintage, vegetarian spouse ----------------------------------------
scenario(
    "wine",
    "Frank DeLuca",
    "2024-11-28T16:00:00",
    [
        (
            "wn-1",
            "Frank DeLuca",
            "Frank DeLuca, regular. Loves big Napa cabs and Barolo. Can't stand oaky chardonnay. Wife Gina is "
            "vegetarian. 25th wedding anniversary Dec 3.",
            "2024-11-02",
        ),
        (
            "wn-2",
            "Frank DeLuca",
            "Frank bought a case of the 2019 Stag's Leap cab. Asked me to call when the 2016 Barolo allocation comes in.",
            "2024-11-16",
        ),
    ],
    [
        (PASS, "Hi Frank, the 2016 Barolo allocation just landed - want me to hold a few bottles for you?"),
        (
            PASS,
            "Frank, with your 25th anniversary on December 3rd, I could put together a Napa cab and Barolo pairing, "
            "plus a few vegetarian-friendly food ideas for Gina.",
        ),
        (PASS, "How's that case of 2019 Stag's Leap treating you, Frank?"),
        ("contradicts_preference", "Frank, we just got in a buttery, oaky Chardonnay I think you'll love."),
        (
            "contradicts_preference",
            "For your anniversary, how about our beef tenderloin pairing dinner for you and Gina?",
        ),
        ("wrong_fact", "Frank, congrats on your 30th anniversary next week!"),
        ("wrong_fact", "How are you enjoying the 2018 Stag's Leap, Frank?"),
        ("unsupported_claim", "Great seeing you and Gina at our tasting night on Saturday!"),
    ],
)

# --- real estate ---------------------------------------------------------------------------------------
scenario(
    "house",
    "Aisha Rahman",
    "2024-05-15T08:00:00",
    [
        (
            "hs-1",
            "Aisha Rahman",
            "Aisha Rahman and husband Omar looking for a 3-bed in Decatur, GA, budget up to $450k. Need good "
            "schools - son Yusuf is 7. No HOA please.",
            "2024-05-06",
        ),
        (
            "hs-2",
            "Aisha Rahman",
            "Showed Aisha 2 houses on Ponce. She liked the craftsman with the big yard, hated the townhouse "
            "(HOA $300/mo).",
            "2024-05-11",
        ),
        ("hs-3", "Aisha Rahman", "Promised to send comps for the craftsman by Wednesday.", "2024-05-13"),
    ],
    [
        (
            PASS,
            "Hi Aisha, here are the comps for the craftsman on Ponce, as promised. Happy to go through them with "
            "you and Omar.",
        ),
        (PASS, "Hi Aisha, it was great showing you the two houses on Saturday."),
        (PASS, "Aisha, I found a 3-bed in Decatur with no HOA, close to a well-rated elementary school for Yusuf."),
        (
            "contradicts_preference",
            "There's a lovely townhouse in a gated community with a small HOA fee - want to see it?",
        ),
        ("wrong_fact", "Hi Aisha, I found a great option just under your $550k budget."),
        ("wrong_fact|unsupported_claim", "It was great showing you the two houses on Sunday, Aisha."),
        ("invented_commitment", "As promised, I've gotten the seller to cover your closing costs."),
        ("name_misuse", "Hi Omar Rahman, here are the comps for the craftsman."),
    ],
)

# --- insurance renewal -------------------------------------------------------------------------------
scenario(
    "fleet",
    "Greg Patel",
    "2024-10-15T14:00:00",
    [
        (
            "fl-1",
            "Greg Patel",
            "Greg Patel, renewal on his fleet policy due Nov 30. 14 vans. Unhappy with last year's 12% hike.",
            "2024-10-08",
        ),
        ("fl-2", "Greg Patel", "He prefers to be contacted Tuesday or Thursday afternoons.", "2024-10-08"),
    ],
    [
        (
            PASS,
            "Hi Greg, your fleet policy renewal is due Nov 30. I'm shopping rates for all 14 vans and will try hard "
            "to avoid another hike like last year's 12%.",
        ),
        (PASS, "Greg, quick check-in: has anything changed with the fleet since we spoke on the 8th?"),
        ("wrong_fact", "Hi Greg, your fleet renewal is due December 31."),
        ("wrong_fact", "Hi Greg, I'm shopping rates for all 16 vans."),
        ("wrong_fact", "Hi Greg, I know last year's 21% hike hurt."),
        ("invented_commitment", "Hi Greg, as I promised, your rate won't go up this year."),
        ("unsupported_claim", "Thanks for the referral to your brother's company, Greg!"),
        (
            "contradicts_preference",
            "Hi Greg, I'll swing by Saturday morning to go over the renewal.",
        ),
    ],
)

# --- catering: allergy, vegan, deposit -------------------------------------------------------------
scenario(
    "catering",
    "Chloe Bennett",
    "2024-04-01T10:00:00",
    [
        (
            "ct-1",
            "Chloe Bennett",
            "Chloe Bennett planning her company offsite (about 60 people) on April 26 in Denver. Severe peanut "
            "allergy in the team - totally nut-free menu required. She's vegan herself.",
            "2024-03-18",
        ),
        ("ct-2", "Chloe Bennett", "Chloe approved tasting menu option B. Deposit of $1,200 received.", "2024-03-25"),
    ],
    [
        (PASS, "Hi Chloe, menu B is confirmed for the April 26 offsite - fully nut-free, with vegan mains for you."),
        (PASS, "Thanks again for the $1,200 deposit, Chloe. Is the final headcount still around 60?"),
        (PASS, "Chloe, our chef suggested a roasted cauliflower main for you - vegan, and no nuts anywhere near it."),
        ("contradicts_preference|inappropriate", "Chloe, we could add our famous peanut satay skewers as a starter!"),
        ("wrong_fact", "Thanks for the $2,100 deposit, Chloe."),
        ("wrong_fact", "Menu B is confirmed for the April 29 offsite."),
        ("contradicts_preference", "For your own plate, Chloe, I'd suggest the braised short rib."),
        ("invented_commitment", "As agreed, we'll waive the service charge for your team."),
    ],
)

# --- HR software, two clients in the book --------------------------------------------------------------
scenario(
    "hr",
    "Hannah Schmidt",
    "2024-09-23T10:00:00",
    [
        (
            "hr-1",
            "Hannah Schmidt",
            "Hannah Schmidt, HR director at Vela Health. Wants onboarding software for 300 staff. Decision by end of Oct.",
            "2024-09-05",
        ),
        ("hr-2", "Marcus Lee", "Marcus Lee at Orbit Retail asked for our pricing sheet.", "2024-09-05"),
        (
            "hr-3",
            "Hannah Schmidt",
            "Hannah: board approved the budget. She'd like a video call with her IT lead, Raj.",
            "2024-09-19",
        ),
    ],
    [
        (
            PASS,
            "Hi Hannah, congrats on getting the budget approved! Would a video call with you and Raj work this week?",
        ),
        (
            PASS,
            "Hi Hannah, for 300 staff I'd suggest our Growth tier. Happy to walk you and Raj through it before your "
            "end-of-October decision.",
        ),
        (PASS, "Hannah - my colleague Steve from our implementation team can join the call to answer Raj's questions."),
        ("name_misuse", "Hi Marcus, congrats on getting the budget approved!"),
        ("name_misuse", "Hello HANNAH SCHMIDT, your onboarding quote is ready."),
        ("name_misuse", "Hi Hanna, congrats on the budget approval!"),
        ("wrong_fact", "Hi Hannah, here's pricing for your 500 staff."),
        ("unsupported_claim", "Raj mentioned you're also looking at payroll tools, so I've added those too."),
    ],
)

# --- pet shop: allergy, pet name ---------------------------------------------------------------------
scenario(
    "pets",
    "Nora Quinn",
    "2024-06-26T12:00:00",
    [
        (
            "pt-1",
            "Nora Quinn",
            "Nora Quinn - golden retriever named Biscuit, 9 yrs old, hip issues. Buys grain-free food monthly. "
            "No chicken-based food, Biscuit is allergic.",
            "2024-06-12",
        ),
    ],
    [
        (
            PASS,
            "Hi Nora, how's Biscuit's hip doing? We just got a salmon-based grain-free formula that might suit him.",
        ),
        (PASS, "Hi Nora, your monthly grain-free order is ready for pickup whenever suits."),
        (
            "contradicts_preference",
            "Hi Nora, our new chicken & rice formula is on sale this week - perfect for Biscuit!",
        ),
        ("wrong_fact", "Hi Nora, how's Buster doing these days?"),
        ("invented_commitment", "Hi Nora, your loyalty discount of 25% is applied, as promised."),
    ],
)

# --- wedding photographer: dates, weekdays, style ------------------------------------------------------
scenario(
    "wedding",
    "Priyanka Das",
    "2025-02-14T10:00:00",
    [
        (
            "wd-1",
            "Priyanka Das",
            "Met Priyanka Das and her fiance Arjun at the Hilton bridal fair. Wedding Oct 18 2025 in Sonoma. "
            "Want a candid, documentary style, not posed.",
            "2025-02-03",
        ),
        (
            "wd-2",
            "Priyanka Das",
            "Video call with Priyanka. Sent package prices. She'll decide by end of Feb.",
            "2025-02-10",
        ),
    ],
    [
        (PASS, "Hi Priyanka, it was lovely to meet you and Arjun at the bridal fair last week."),
        (PASS, "Thanks for the video call on Monday, Priyanka. Any questions about the packages?"),
        (PASS, "Hi Priyanka, I'd love to capture your Sonoma wedding on October 18 in a relaxed, documentary style."),
        ("wrong_fact", "Hi Priyanka, I'd love to capture your Sonoma wedding on October 25."),
        ("contradicts_preference", "Our signature formal posed portrait package would be perfect for you two."),
        ("wrong_fact|unsupported_claim", "Thanks for the video call on Wednesday, Priyanka."),
        ("unsupported_claim", "Loved meeting your parents at the venue walkthrough!"),
        ("name_misuse", "Dear Priyanka Das,\nThank you for your interest in our packages."),
    ],
)

# --- manufacturing: model numbers, price, declined add-on, events ----------------------------------
scenario(
    "cnc",
    "Dave Kowalski",
    "2024-10-16T09:00:00",
    [
        (
            "cn-1",
            "Dave Kowalski",
            "Dave Kowalski, plant manager at Midwest Castings (Toledo, OH). Runs two Haas VF-2 mills. Interested "
            "in our 5-axis trunnion kit. Quoted $18,400.",
            "2024-10-02",
        ),
        (
            "cn-2",
            "Dave Kowalski",
            "Dave wants delivery before the Thanksgiving shutdown. Said no to the extended service contract.",
            "2024-10-09",
        ),
    ],
    [
        (
            PASS,
            "Hi Dave, the 5-axis trunnion kit for your Haas VF-2 mills, at the $18,400 we quoted, can ship well "
            "before the Thanksgiving shutdown.",
        ),
        (
            PASS,
            "Dave, we're holding an open house at our Detroit facility on Nov 7, about an hour from you, if you'd "
            "like to see the kit running.",
        ),
        (PASS, "Dear Mr. Kowalski, please find the updated trunnion kit quote attached. Regards, Pat"),
        ("wrong_fact", "Hi Dave, the trunnion kit for your Haas VF-4 mills is ready to ship."),
        ("wrong_fact", "Hi Dave, the trunnion kit at $14,800 can ship next week."),
        ("contradicts_preference", "Shall I add the extended service contract to the order, Dave?"),
        ("inappropriate", "Dave, come see the trunnion kit at our Las Vegas open house on Nov 7!"),
        ("name_misuse", "Dear Mr. Dave Kowalski, Midwest Castings, please find the quote attached."),
    ],
)

# --- informal notes with abbreviations ------------------------------------------------------------------
scenario(
    "chairs",
    "Samantha Ortiz",
    "2024-04-15T09:00:00",
    [
        (
            "ch-1",
            "Samantha Ortiz",
            "mtg w/ Samantha Ortiz (Sam) re: office chairs. 25 chairs, ergo, mesh back. she HATES the lime green "
            "one from the catalog lol. Budget ~$9k",
            "2024-04-08",
        ),
        ("ch-2", "Samantha Ortiz", "sam wants delivery to the 4th floor, loading dock closes at 3pm", "2024-04-09"),
    ],
    [
        (PASS, "hey Sam, following up on the 25 ergo mesh chairs - I can get them up to your 4th floor before 3pm."),
        (PASS, "Hi Sam! great chatting last Monday about the chairs. quote coming your way today"),
        (PASS, "Sam, all 25 chairs come in black or navy, no lime green in sight :)"),
        ("contradicts_preference", "Hi Sam, the lime green mesh chair is back in stock - want 25 of them?"),
        ("wrong_fact", "hey Sam, following up on the 35 ergo chairs"),
        ("name_misuse", "Hi Samatha, your quote is ready."),
        ("invented_commitment", "Sam, as promissed, free assembly on all 25 chairs."),
    ],
)

# --- layoffs: hard sell after bad news -------------------------------------------------------------
scenario(
    "media",
    "Rachel Kim",
    "2024-11-25T10:00:00",
    [
        (
            "md-1",
            "Rachel Kim",
            "Rachel Kim at Lumen Media. Interested in upgrading to the enterprise plan (120 users).",
            "2024-11-04",
        ),
        (
            "md-2",
            "Rachel Kim",
            "Rachel told me Lumen laid off a third of its staff. She's stressed; budget frozen until further notice.",
            "2024-11-18",
        ),
    ],
    [
        (
            PASS,
            "Hi Rachel, thinking of you and the team after a hard few weeks. No agenda - here if you need anything.",
        ),
        (
            "inappropriate|contradicts_preference",
            "Hi Rachel, Black Friday deal: upgrade to Enterprise for 120 users at 30% off - this week only!",
        ),
        (
            "inappropriate|contradicts_preference",
            "Hi Rachel, any update on the enterprise upgrade? Would love to close this before month end.",
        ),
    ],
)

# --- family illness -----------------------------------------------------------------------------------
scenario(
    "pos",
    "Paul Mendes",
    "2024-06-27T10:00:00",
    [
        (
            "ps-1",
            "Paul Mendes",
            "Paul Mendes, restaurant owner in Boston. Wants a POS system for 3 locations. Likes the Toast integration.",
            "2024-06-03",
        ),
        (
            "ps-2",
            "Paul Mendes",
            "Paul's wife is in the hospital for surgery. He's stepping back for a couple weeks.",
            "2024-06-24",
        ),
    ],
    [
        (PASS, "Paul, hoping your wife's surgery went well and she's recovering. Take all the time you need."),
        ("inappropriate", "Paul, I know things are hectic, but our POS promo ends Sunday - can we sign this week?"),
        (
            PASS,
            "Hi Paul, I hope all is well with you and your family. Ready to pick up the POS conversation for your "
            "3 locations?",
            "2024-09-10T10:00:00",
        ),
        ("wrong_fact", "Hi Paul, ready to pick up the POS conversation for your 5 locations?", "2024-09-10T10:00:00"),
    ],
)

# --- inbound lead, no meeting yet: invented shared past --------------------------------------------------
scenario(
    "inbound",
    "Ellen Fischer",
    "2024-03-13T10:00:00",
    [
        (
            "ib-1",
            "Ellen Fischer",
            "Inbound lead: Ellen Fischer (Fischer & Co. accounting, Milwaukee) filled in the web form asking for "
            "a demo of the document portal. Haven't spoken yet.",
            "2024-03-12",
        ),
    ],
    [
        (
            PASS,
            "Hi Ellen, thanks for requesting a demo of the document portal through our website. Would Thursday or "
            "Friday work for a 30-minute call?",
        ),
        (
            PASS,
            "Hi Ellen, I know we haven't spoken yet - I'd love to learn how Fischer & Co. handles client documents.",
        ),
        (PASS, "Hi Ellen, if you're ever at the Milwaukee CPA luncheon, I'd be glad to say hello in person."),
        ("unsupported_claim", "Hi Ellen, it was great chatting with you yesterday about the portal!"),
        (
            "unsupported_claim",
            "Hi Ellen, as you mentioned on our call, your team spends hours chasing client documents.",
        ),
        ("unsupported_claim", "Hi Ellen, following up on our conversation at the Milwaukee CPA luncheon."),
        ("unsupported_claim", "Ellen - long time no see! How have you been since we last caught up?"),
        ("invented_commitment", "As promised, I've set up a free 90-day trial for Fischer & Co."),
    ],
)

# --- placeholders in many shapes ----------------------------------------------------------------------
scenario(
    "bodyshop",
    "Victor Huang",
    "2024-10-22T10:00:00",
    [
        (
            "bs-1",
            "Victor Huang",
            "Victor Huang, owner of Huang's Auto Body. Wants a quote for paint booth filters, quarterly delivery.",
            "2024-10-20",
        ),
    ],
    [
        ("name_misuse", "Hi {{first_name}}, here's your quote for paint booth filters."),
        ("name_misuse", "Dear <Client Name>, here's the quote you asked for."),
        ("name_misuse", "Hi Victor, we at [Company] are excited to quote your filters."),
        ("name_misuse", "Hi Victor, attached is the quote for %COMPANY_NAME%."),
        (PASS, "Hi Victor, here's the quote for quarterly paint booth filter delivery to Huang's Auto Body."),
        (PASS, "Hi Victor - quote attached (2 pages). Quarterly delivery could start in January if that works."),
    ],
)

# --- dislike mentioned in a truthful way ---------------------------------------------------------------
scenario(
    "tile",
    "Olivia Grant",
    "2024-09-16T10:00:00",
    [
        (
            "tl-1",
            "Olivia Grant",
            "Olivia Grant wants a new kitchen backsplash. Hates subway tile (too common). Likes handmade zellige "
            "in white or sage. Kitchen is in Burlington, VT.",
            "2024-09-09",
        ),
    ],
    [
        (PASS, "Hi Olivia, I know subway tile is a no for you, so I pulled three zellige samples in white and sage."),
        (PASS, "Hi Olivia, no subway tile in this batch, I promise - just handmade zellige."),
        (PASS, "Olivia, the sage zellige samples are in. Want to come see them this week?"),
        ("contradicts_preference", "Hi Olivia, a classic white subway tile would look timeless in your kitchen."),
        ("wrong_fact|unsupported_claim", "Hi Olivia, here are the zellige samples in the navy you asked for."),
    ],
)

# --- real promise with conditions -----------------------------------------------------------------------
scenario(
    "cement",
    "Ben Okafor",
    "2024-05-24T10:00:00",
    [
        (
            "cm-1",
            "Ben Okafor",
            "Call with Ben Okafor (Okafor Construction). Promised him a 10% volume discount if he orders 500+ bags "
            "of cement by June 30.",
            "2024-05-20",
        ),
        (
            "cm-2",
            "Ben Okafor",
            "Ben also wants a site visit - I said I'd come by the Dallas yard on Thursday May 30.",
            "2024-05-20",
        ),
    ],
    [
        (PASS, "Hi Ben, a quick reminder: the 10% volume discount applies if you order 500+ bags by June 30."),
        (PASS, "Ben, still on for my visit to the Dallas yard next Thursday, the 30th?"),
        (PASS, "Hi Ben, thanks for the call on Monday. Looking forward to seeing the yard."),
        ("wrong_fact|invented_commitment", "Hi Ben, as promised: a 15% volume discount on 500+ bags."),
        ("invented_commitment", "Hi Ben, as promised, free delivery to your Dallas yard."),
        ("wrong_fact|invented_commitment", "Reminder: order 500+ bags by July 31 to get the 10% discount."),
        ("wrong_fact", "Ben, still on for my visit to your Houston yard on the 30th?"),
    ],
)

# --- accents and units --------------------------------------------------------------------------------
scenario(
    "acoustic",
    "Zoë Müller-Brandt",
    "2024-10-10T10:00:00",
    [
        (
            "ac-1",
            "Zoë Müller-Brandt",
            "Zoë Müller-Brandt, architect, Munich office. Interested in acoustic ceiling panels for a library "
            "project, 1,200 m². Hates anything glossy.",
            "2024-10-03",
        ),
    ],
    [
        (PASS, "Hallo Zoë, the matte acoustic panel samples for the 1,200 m² library project are ready."),
        (PASS, "Hi Zoe, here are the matte acoustic panel samples we talked about last week."),
        ("contradicts_preference", "Hi Zoë, our new high-gloss panels would make the library shine."),
        ("wrong_fact", "Hi Zoë, samples for the 2,100 m² library project are ready."),
        ("name_misuse", "Dear Zoë Müller-Brandt,\nPlease find our catalogue attached."),
    ],
)

# --- family birthdays ---------------------------------------------------------------------------------
scenario(
    "twins",
    "Marcus Reid",
    "2024-02-02T09:00:00",
    [
        (
            "tw-1",
            "Marcus Reid",
            "Coffee with Marcus Reid (Reid Wealth Partners). Twin daughters Ava and Lily turn 10 on Feb 2. He "
            "coaches their soccer team on Saturdays. Interested in our estate-planning seminar.",
            "2024-01-15",
        ),
    ],
    [
        (PASS, "Hi Marcus, happy 10th birthday to Ava and Lily! Hope the party is a blast."),
        (
            PASS,
            "Hi Marcus, thanks again for the coffee in January. Our estate-planning seminar is on Feb 20 - interested?",
        ),
        ("wrong_fact", "Hi Marcus, happy 12th birthday to Ava and Lily!"),
        ("wrong_fact", "Hi Marcus, happy birthday to Ava and Lucy!"),
        ("wrong_fact", "Happy birthday to the twins today, Marcus!", "2024-01-25T09:00:00"),
        ("unsupported_claim", "Great to see you cheering on the sidelines at Saturday's soccer game, Marcus!"),
    ],
)

# --- school district: numbers, dates -------------------------------------------------------------------
scenario(
    "projectors",
    "Lauren Price",
    "2024-09-10T10:00:00",
    [
        (
            "pj-1",
            "Lauren Price",
            "Lauren Price, facilities at Cedar Ridge School District. Needs 40 classroom projectors, replacing "
            "the old Epson units. Board meets Sept 17.",
            "2024-09-02",
        ),
        (
            "pj-2",
            "Lauren Price",
            "Lauren said budget is $32,000 total. Wants a 3-year warranty. Prefers Epson again if possible.",
            "2024-09-05",
        ),
    ],
    [
        (
            PASS,
            "Hi Lauren, 40 Epson projectors with a 3-year warranty come to $31,200, just under the $32,000 budget, "
            "in time for the Sept 17 board meeting.",
        ),
        (PASS, "Hi Lauren, that works out to $780 a projector for all 40 units."),
        ("wrong_fact", "Hi Lauren, the quote is ready before the board meets on Sept 24."),
        ("wrong_fact", "Hi Lauren, 40 projectors fit within your $23,000 budget."),
        ("invented_commitment", "Like I promised, a 5-year warranty at no extra cost."),
    ],
)

# --- wholesale candles: location --------------------------------------------------------------------
scenario(
    "candles",
    "Megan Shaw",
    "2024-04-10T10:00:00",
    [
        (
            "cd-1",
            "Megan Shaw",
            "Megan Shaw, boutique owner in Brooklyn, NY. Buys our candles wholesale. Wants to carry the fig & cedar scent.",
            "2024-04-03",
        ),
    ],
    [
        (
            PASS,
            "Hi Megan, we're hosting a wholesale preview in Manhattan on May 2 - an easy trip from Brooklyn. "
            "Fig & cedar will be there!",
        ),
        (PASS, "Hi Megan, we'll have a booth at NY NOW at the Javits Center in August."),
        (PASS, "Hi Megan, fig & cedar is back in stock. Want me to add a case to your next order?"),
        ("inappropriate", "Hi Megan, come see the fig & cedar line at our Los Angeles wholesale preview on May 2!"),
        ("inappropriate", "Megan, join us at the Austin pop-up this weekend!"),
        ("unsupported_claim", "Thanks for stopping by our booth at the Atlanta gift show, Megan!"),
    ],
)

# --- changed mind: superseded preference -------------------------------------------------------------
scenario(
    "trucks",
    "Ian Fletcher",
    "2024-05-20T10:00:00",
    [
        (
            "tr-1",
            "Ian Fletcher",
            "Ian Fletcher (fleet buyer, Carrick Transport) wants diesel trucks only.",
            "2024-02-05",
        ),
        (
            "tr-2",
            "Ian Fletcher",
            "Ian changed his mind - the board now wants electric trucks, no more diesel.",
            "2024-05-13",
        ),
    ],
    [
        (PASS, "Hi Ian, here are three electric truck options for Carrick Transport."),
        (PASS, "Hi Ian, I know you've moved from diesel to electric, so here are the EV options."),
        ("contradicts_preference", "Hi Ian, here are three new diesel trucks for Carrick Transport."),
    ],
)

# --- who promised what ----------------------------------------------------------------------------------
scenario(
    "lab",
    "Teresa Lang",
    "2024-03-08T10:00:00",
    [
        (
            "lb-1",
            "Teresa Lang",
            "Call with Teresa Lang (Lang Dental Lab). She'll send me their current supplier invoice so we can "
            "compare prices. I said I'd send our price list by Friday.",
            "2024-03-05",
        ),
    ],
    [
        (PASS, "Hi Teresa, here's our price list, as promised. Whenever you have the supplier invoice, I'll compare."),
        (PASS, "Dear Ms. Lang, thank you for Tuesday's call. Our price list is attached."),
        ("invented_commitment", "Hi Teresa, as promised, we'll beat your current supplier's price by 10%."),
        ("invented_commitment", "As I promised on the call, I've included free shipping for the first year."),
    ],
)

# --- retiring, redirect to successor; unsubscribe; legal dispute ---------------------------------------
scenario(
    "pallets",
    "Walter Briggs",
    "2024-07-15T10:00:00",
    [
        ("pa-1", "Walter Briggs", "Walter ordered 300 pallets for Q3.", "2024-06-10"),
        (
            "pa-2",
            "Walter Briggs",
            "Walter Briggs is retiring in August. Please don't email him anymore - contact his successor Jen "
            "Alvarez instead.",
            "2024-07-01",
        ),
    ],
    [
        ("no_consent", "Hi Walter, any plans yet for Q4 pallet orders?"),
        ("no_consent", "Walter - before you retire, one last offer just for you."),
    ],
)
scenario(
    "newsletter",
    "Gloria Estrada",
    "2024-08-10T10:00:00",
    [
        ("nl-1", "Gloria Estrada", "Gloria Estrada bought the patio set, teak, 6 chairs.", "2024-05-02"),
        ("nl-2", "Gloria Estrada", "Gloria replied 'unsubscribe' to our newsletter.", "2024-08-01"),
    ],
    [
        ("no_consent", "Hi Gloria, our fall catalog is out - teak cushions are 20% off!"),
        ("no_consent", "Hi Gloria, how is the teak patio set holding up?"),
    ],
)
scenario(
    "dispute",
    "Harold Finch",
    "2024-09-02T10:00:00",
    [
        (
            "dp-1",
            "Harold Finch",
            "Harold Finch - do not contact. Legal dispute over invoice 4471, all comms go through our lawyer.",
            "2024-08-20",
        ),
    ],
    [("no_consent", "Hi Harold, any update on invoice 4471?")],
)

# --- weekend rule --------------------------------------------------------------------------------------
scenario(
    "mower",
    "Carlos Mendoza",
    "2024-10-08T10:00:00",
    [
        (
            "mw-1",
            "Carlos Mendoza",
            "Carlos Mendoza, landscaping company. Please no texts on weekends - family time. Interested in the "
            "zero-turn mower with the 60-inch deck.",
            "2024-10-01",
        ),
    ],
    [
        (PASS, "Hi Carlos, the 60-inch zero-turn is in stock. Want me to hold one?"),
        (
            "contradicts_preference|no_consent|inappropriate",
            "Hi Carlos, the 60-inch zero-turn is in stock. Want me to hold one?",
            "2024-10-12T10:00:00",
        ),
        ("wrong_fact", "Hi Carlos, the zero-turn with the 52-inch deck is in stock."),
    ],
)

# --- neutral check-ins after a purchase -------------------------------------------------------------------
scenario(
    "blender",
    "Beatrice Allen",
    "2024-09-20T10:00:00",
    [
        (
            "bl-1",
            "Beatrice Allen",
            "Beatrice Allen bought a Vitamix blender. Said she'll use it mostly for soups.",
            "2024-08-20",
        )
    ],
    [
        (PASS, "Hi Beatrice, how's the Vitamix treating you? Made any good soups yet?"),
        (PASS, "Hi Beatrice, just wanted to say thanks again for your purchase last month."),
        ("wrong_fact", "Hi Beatrice, how's the Ninja blender treating you?"),
        ("unsupported_claim", "Hi Beatrice, thanks for the lovely review you left us!"),
    ],
)

# --- CRM deal: lunch, references ---------------------------------------------------------------------
scenario(
    "crm",
    "Derek Owens",
    "2024-11-12T10:00:00",
    [
        (
            "cr-1",
            "Derek Owens",
            "Lunch with Derek Owens at Nopa. He's evaluating CRM vendors: us, HubSpot, Salesforce. Decision in "
            "January. Team of 25 reps.",
            "2024-11-05",
        ),
        ("cr-2", "Derek Owens", "Derek asked for two customer references in logistics.", "2024-11-07"),
    ],
    [
        (
            PASS,
            "Hi Derek, thanks again for lunch at Nopa last Tuesday. Here are the two logistics references you asked for.",
        ),
        (PASS, "Derek, I enjoyed our lunch on the 5th. Happy to set up a trial for the 25 reps before January."),
        (PASS, "Hi Derek, I know you're also looking at HubSpot and Salesforce - happy to do a side-by-side."),
        ("wrong_fact|unsupported_claim", "Thanks again for dinner at Nopa last Tuesday, Derek."),
        ("wrong_fact", "Hi Derek, a trial for your team of 50 reps could start next week."),
        ("unsupported_claim", "Thanks for introducing me to your VP of Sales, Derek."),
        ("unsupported_claim", "As you said, Salesforce is off the table, so it's between us and HubSpot."),
    ],
)

# --- florist: allergy and a kind gesture --------------------------------------------------------------
scenario(
    "florist",
    "Helen Marsh",
    "2024-05-08T10:00:00",
    [
        (
            "fr-1",
            "Helen Marsh",
            "Helen Marsh orders weekly office flowers for Marsh & Cole law firm. Lily pollen gives her migraines - "
            "never lilies. Likes tulips and ranunculus. Pays by invoice, net 30.",
            "2024-04-10",
        ),
        ("fr-2", "Helen Marsh", "Helen mentioned her son Leo graduates from Tufts on May 19.", "2024-05-01"),
    ],
    [
        (
            PASS,
            "Hi Helen, this week's office arrangement will be tulips and ranunculus. Invoice to follow, net 30 as usual.",
        ),
        (PASS, "Helen, congratulations to Leo on his Tufts graduation on the 19th! Want a bouquet for the day?"),
        ("contradicts_preference", "Hi Helen, this week we're doing gorgeous stargazer lilies for the office."),
        ("wrong_fact", "Congratulations to Leo on graduating from Harvard!"),
        ("wrong_fact", "Congrats to Liam on his graduation, Helen!"),
        ("invented_commitment", "Hi Helen, as agreed, we've moved you to net 60 terms."),
    ],
)

# --- a meeting in the future, not the past ---------------------------------------------------------------
scenario(
    "solar",
    "Ruth Adeyemi",
    "2024-06-06T10:00:00",
    [
        (
            "sl-1",
            "Ruth Adeyemi",
            "Phone call with Ruth Adeyemi about rooftop solar for her house in Sacramento. Roof is 11 years old. "
            "Site survey booked for Monday June 10, 9am.",
            "2024-06-03",
        ),
    ],
    [
        (PASS, "Hi Ruth, looking forward to the site survey on Monday at 9am."),
        (PASS, "Hi Ruth, thanks for the call on Monday. See you on the 10th for the survey."),
        ("wrong_fact", "Hi Ruth, looking forward to the site survey on Tuesday at 9am."),
        ("unsupported_claim", "Hi Ruth, thanks for having me over to look at the roof last week."),
        ("wrong_fact", "Hi Ruth, with a 20-year-old roof we should look at replacing it first."),
        ("inappropriate", "Hi Ruth, come to our solar info night in Phoenix on June 20!"),
    ],
)


# --- more scenarios, mostly truthful ---------------------------------------------------------------------
scenario(
    "bike",
    "Jonah Weiss",
    "2024-07-09T10:00:00",
    [
        (
            "bi-1",
            "Jonah Weiss",
            "Jonah Weiss came in for a bike fit. Lives in Seattle, rides about 150 miles a week, training for the "
            "Seattle-to-Portland ride on July 13. 56cm frame. Wants Shimano, not SRAM.",
            "2024-07-02",
        ),
    ],
    [
        (PASS, "Hi Jonah, good luck on the Seattle-to-Portland ride this Saturday!"),
        (PASS, "Hi Jonah, the 56cm frame with the Shimano groupset is in. Want a test ride before the 13th?"),
        (PASS, "Jonah, how did the new fit feel on your rides this week?"),
        (PASS, "Hi Jonah, at 150 miles a week you'll want fresh tires before the big ride. We have a few in stock."),
        ("wrong_fact", "Hi Jonah, the 58cm frame you ordered is in."),
        ("contradicts_preference", "Hi Jonah, we just got a SRAM Force build in your size - want to try it?"),
        ("wrong_fact", "Good luck at the Seattle-to-Portland ride this Sunday, Jonah!"),
    ],
)
scenario(
    "tutor",
    "Grace Liu",
    "2024-09-03T10:00:00",
    [
        (
            "gr-1",
            "Grace Liu",
            "Grace Liu called about SAT tutoring for her son Ethan (junior at Lincoln High). Test date Oct 5. "
            "Ethan is strong in reading, weaker in math. Prefers weekday evenings, not weekends.",
            "2024-08-26",
        ),
        (
            "gr-2",
            "Grace Liu",
            "Sent Grace the 8-session math package ($960). She'll talk it over with her husband David.",
            "2024-08-29",
        ),
    ],
    [
        (PASS, "Hi Grace, did you and David get a chance to look at the 8-session math package?"),
        (PASS, "Hi Grace, with Ethan's SAT on October 5, starting math next week would give him about four weeks."),
        (PASS, "Hi Grace, we have Tuesday and Thursday evening slots open for Ethan."),
        (PASS, "Hi Grace, just a reminder that the package is $960 for all 8 sessions."),
        (PASS, "Hope Ethan's junior year at Lincoln High is off to a good start!"),
        ("contradicts_preference", "Hi Grace, Saturday morning sessions would be perfect for Ethan."),
        ("wrong_fact", "Hi Grace, the 10-session math package is $960."),
        ("wrong_fact", "Hi Grace, we have four weeks before Ethan's SAT on October 12."),
        ("wrong_fact", "Hope Evan's junior year is off to a good start!"),
    ],
)
scenario(
    "espresso",
    "Lucia Romano",
    "2024-04-08T15:00:00",
    [
        (
            "es-1",
            "Lucia Romano",
            "Visited Lucia Romano's cafe (Caffe Romano, Providence RI). She runs a 2-group La Marzocco, wants to "
            "upgrade to 3 groups. Busy mornings, can't do anything before 2pm.",
            "2024-02-12",
        ),
        (
            "es-2",
            "Lucia Romano",
            "Lucia said her landlord is raising the rent, so she's holding off on big purchases until the lease "
            "is sorted. Check back in April.",
            "2024-02-19",
        ),
    ],
    [
        (PASS, "Hi Lucia, checking back as planned - did the lease get sorted? No pressure on the 3-group upgrade."),
        (PASS, "Hi Lucia, hope the mornings at Caffe Romano are as busy as ever! Any news on the lease?"),
        (PASS, "Lucia, I could stop by after 2pm one day next week to talk through the 3-group machine."),
        (
            "inappropriate|no_consent|contradicts_preference",
            "Hi Lucia, the 3-group La Marzocco is 10% off until Friday - shall I place the order?",
            "2024-02-26T15:00:00",
        ),
        ("contradicts_preference", "Hi Lucia, I'll drop by at 8am tomorrow to show you the machine."),
        ("wrong_fact", "Hi Lucia, time to retire that 4-group La Marzocco?"),
    ],
)
scenario(
    "giftbox",
    "Adam Novak",
    "2024-11-20T10:00:00",
    [
        (
            "gb-1",
            "Adam Novak",
            "Adam Novak (office manager, Pinecrest Dental) ordering holiday gift boxes for 18 staff. No alcohol - "
            "several staff don't drink. Wants them delivered by Dec 13. Budget $75 per box.",
            "2024-11-11",
        ),
        ("gb-2", "Adam Novak", "Adam approved the 'Cozy Winter' box. Invoice sent.", "2024-11-15"),
    ],
    [
        (PASS, "Hi Adam, the 18 Cozy Winter boxes are on track for delivery by December 13."),
        (PASS, "Hi Adam, quick note: the Cozy Winter box has cocoa, candles and socks - no alcohol, as you asked."),
        (PASS, "Thanks for approving the Cozy Winter boxes, Adam. The invoice is in your inbox."),
        (PASS, "Hi Adam, at $75 a box, the total for 18 comes to $1,350."),
        ("contradicts_preference", "Hi Adam, we could swap the cocoa for a nice bottle of prosecco in each box!"),
        ("wrong_fact", "Hi Adam, the boxes will arrive by December 20."),
        ("wrong_fact", "Hi Adam, the 28 Cozy Winter boxes are packed."),
        ("invented_commitment", "As promised, we've upgraded every box to premium at no charge."),
    ],
)
scenario(
    "backup",
    "Stephen Cole",
    "2024-03-12T10:00:00",
    [
        (
            "bu-1",
            "Stephen Cole",
            "Stephen Cole, owner of Cole & Partners (accounting, 22 employees, Hartford CT). Server crashed twice "
            "in Feb. Wants a managed backup proposal. Tax season is crazy - keep it brief, email only.",
            "2024-03-04",
        ),
        (
            "bu-2",
            "Stephen Cole",
            "Sent Stephen the backup proposal: $1,150/month, includes nightly offsite backup.",
            "2024-03-07",
        ),
    ],
    [
        (PASS, "Hi Stephen, a short one given tax season: any questions on the backup proposal?"),
        (PASS, "Stephen - the $1,150/month includes nightly offsite backup, so another crash wouldn't cost you data."),
        (PASS, "Hi Stephen, happy to wait until after April 15 if that's easier."),
        ("contradicts_preference", "Hi Stephen, could we hop on a quick call tomorrow?"),
        ("wrong_fact", "Hi Stephen, the proposal is $1,500/month with nightly offsite backup."),
        ("wrong_fact", "Hi Stephen, the plan covers all 32 employees."),
        ("unsupported_claim", "Thanks for the tour of your Hartford office last week, Stephen!"),
    ],
)
scenario(
    "spa",
    "Monique Dubois",
    "2024-07-15T10:00:00",
    [
        (
            "sa-1",
            "Monique Dubois",
            "Monique Dubois from Spa Lumiere (Montreal). Reorders lavender body oil every 6 weeks, usually 24 "
            "bottles. Carries a fragrance-free line for sensitive clients too. Happy to write in French or English.",
            "2024-05-27",
        ),
        ("sa-2", "Monique Dubois", "Monique's reorder of 24 lavender oils shipped.", "2024-06-03"),
    ],
    [
        (
            PASS,
            "Bonjour Monique, it's been about six weeks since the last 24 lavender oils - shall I prepare the usual "
            "reorder?",
        ),
        (PASS, "Bonjour Monique! Notre nouvelle huile sans parfum est arrivee - parfaite pour vos clientes sensibles."),
        (PASS, "Hi Monique, I hope summer at Spa Lumiere is going well."),
        ("wrong_fact", "Hi Monique, shall I prepare the usual 36 lavender oils?"),
        ("unsupported_claim", "Great to see you at the Toronto spa expo last weekend, Monique!"),
        ("inappropriate", "Hi Monique, join us at our Dallas product launch next week!"),
    ],
)
scenario(
    "charter",
    "Eli Navarro",
    "2024-07-01T10:00:00",
    [
        (
            "eh-1",
            "Eli Navarro",
            "Eli Navarro, charter fishing captain in Key West. Interested in a new 250hp outboard. Season is "
            "slammed until September; best to email, he reads them at night.",
            "2024-06-14",
        ),
    ],
    [
        (
            PASS,
            "Hi Eli, no rush during the busy season - here's the 250hp outboard spec sheet for when you have a minute.",
        ),
        (PASS, "Eli, hope the charter season in Key West is going great!"),
        (PASS, "Hi Eli, when things slow down in September, happy to set up a sea trial with the 250."),
        (PASS, "Hi Eli, a quick email with the outboard pricing, since that's easiest for you."),
        ("wrong_fact", "Hi Eli, the 300hp outboard you wanted is in."),
    ],
)
scenario(
    "yoga",
    "Fatima Hassan",
    "2024-02-21T10:00:00",
    [
        (
            "yg-1",
            "Fatima Hassan",
            "Fatima Hassan, yoga studio in Madison WI. New studio opens March 1. Needs 30 cork mats and 30 "
            "bolsters. Eco materials only - no PVC.",
            "2024-01-10",
        ),
        (
            "yg-2",
            "Fatima Hassan",
            "Fatima confirmed the order: 30 cork mats, 30 bolsters. Delivery Feb 20.",
            "2024-01-24",
        ),
    ],
    [
        (PASS, "Hi Fatima, did the 30 cork mats and bolsters arrive yesterday?"),
        (PASS, "Good luck with the studio opening on March 1, Fatima!"),
        (PASS, "Fatima, our new eco blocks are cork too, in case the studio needs some."),
        (PASS, "Hi Fatima, congratulations on the new studio - Madison is lucky to have it."),
        ("contradicts_preference", "Fatima, our new PVC mats are half the price of cork!"),
        ("wrong_fact", "Good luck with the opening on March 15, Fatima!"),
    ],
)
scenario(
    "payroll",
    "Jill Carter",
    "2024-12-10T10:00:00",
    [
        (
            "py-1",
            "Jill Carter",
            "Jill Carter, bookkeeper, asked for year-end pricing on our payroll add-on for 9 employees. She's out "
            "Dec 20 - Jan 3 for the holidays.",
            "2024-12-02",
        ),
    ],
    [
        (PASS, "Hi Jill, here's year-end pricing on the payroll add-on for your 9 employees."),
        (PASS, "Jill, I'll make sure you have everything before you head out on the 20th."),
        (PASS, "Hi Jill, enjoy your holiday break!", "2024-12-19T10:00:00"),
        (PASS, "Jill, happy new year and welcome back!", "2025-01-06T10:00:00"),
        (PASS, "Hi Jill, would a 15-minute walkthrough this week work, before your time off?"),
        (PASS, "Jill, no need to answer before your break - this can wait until January."),
        ("wrong_fact", "Hi Jill, here's pricing on the payroll add-on for your 19 employees."),
    ],
)

# More truthful messages for the scenarios above (false alarms are defects too).
EXTRA_TRUTHFUL: dict[str, list[tuple[str] | tuple[str, str]]] = {
    "sofa": [
        ("Hi Mia, thanks for the call on Monday about Sofia and kid-proof fabrics.",),
        ("Hi Mia, would a dark green sectional in performance velvet work for the new condo?",),
    ],
    "saas": [
        ("Hi James, I know long contracts aren't your thing, so the pilot rolls into month-to-month, no lock-in.",),
        ("Hi James, would a short email summary of the pilot terms help before you decide?",),
    ],
    "boutique": [
        ("Happy belated birthday, Linda! I hope it was a lovely day.", "2024-05-16T10:00:00"),
        ("Hi Linda, we just got a silk-cotton dress in emerald, petite length, size 8.",),
    ],
    "dental": [
        ("Hi Sarah, welcome back from the move! Would a quick demo of the imaging plan for your three clinics help?",),
    ],
    "optin": [
        ("Kevin, thanks for calling back on the 15th. Attached: three crew truck options.",),
        ("Hi Kevin, no calls, just this email with the truck options as you asked. Reply whenever suits.",),
    ],
    "bakery": [("Denise, thinking of you this week. No reply needed.",)],
    "gym": [("Tom, texting as you prefer: want the spring pricing for both Tampa gyms?",)],
    "hotel": [("Hi Kate, the pillows and duvets for Savannah are booked for delivery before Feb 28.",)],
    "wine": [
        ("Frank, the Barolo is here - I'll give you a call this afternoon like you asked.",),
        ("Hi Frank, happy 25th anniversary to you and Gina!", "2024-12-03T10:00:00"),
    ],
    "house": [
        ("Hi Aisha, the comps are attached. A yard as big as the craftsman's is rare in that price range.",),
        ("Aisha, no townhouses and no HOAs on this list, just 3-beds in Decatur.",),
    ],
    "fleet": [("Hi Greg, would Thursday afternoon work for a quick call about the renewal?",)],
    "catering": [("Hi Chloe, just confirming: about 60 guests, April 26, Denver, menu B, nut-free.",)],
    "hr": [("Hi Hannah, I've put together a short onboarding plan for 300 staff ahead of the call with Raj.",)],
    "pets": [
        ("Hi Nora, a joint supplement might help Biscuit's hips. Shall I set one aside with his usual food?",),
    ],
    "wedding": [("Hi Priyanka, no rush on the decision - end of February is perfect.",)],
    "cnc": [("Dave, understood on the service contract - the quote is for the kit only.",)],
    "chairs": [("Sam, quick q: does the loading dock still close at 3pm on Fridays too?",)],
    "media": [("Rachel, no rush on anything from our side while the budget is frozen. Thinking of you.",)],
    "pos": [("Paul, no need to reply - just thinking of you and your wife this week.",)],
    "inbound": [("Hi Ellen, thanks for reaching out yesterday through the web form.",)],
    "bodyshop": [
        ("Victor, happy to set up the quarterly filter delivery for Huang's Auto Body whenever you're ready.",)
    ],
    "tile": [("Olivia, I'm in Burlington on Thursday - could I drop the samples off?",)],
    "cement": [("Ben, to get the 10% off, the 500 bags just need to be ordered by June 30.",)],
    "acoustic": [("Zoë, all our samples are matte this time - nothing glossy.",)],
    "twins": [("Marcus, good luck with soccer practice this Saturday!",)],
    "projectors": [("Hi Lauren, Epson again, as you preferred, with the 3-year warranty.",)],
    "candles": [("Megan, fig & cedar samples are on their way to your Brooklyn shop.",)],
    "trucks": [("Hi Ian, congrats on the board's move to electric trucks.",)],
    "lab": [("Teresa, once the supplier invoice arrives I'll put together a side-by-side.",)],
    "mower": [
        ("Carlos, the zero-turn with the 60-inch deck is ready for a demo whenever suits you.", "2024-10-14T10:00:00"),
    ],
    "blender": [("Beatrice, I found a soup recipe booklet for the Vitamix - want a copy?",)],
    "crm": [("Derek, I'll follow up in early January, before your decision.",)],
    "florist": [("Hi Helen, tulips again this week, and no lilies, ever.",)],
    "bike": [("Jonah, Shimano Ultegra or 105 for the new build?",)],
    "spa": [("Monique, the fragrance-free oils are back in stock if your sensitive clients need more.",)],
    "espresso": [("Lucia, no pressure at all - I'll check back once the lease is sorted.",)],
    "solar": [
        ("Ruth, a quick reminder of the site survey on June 10 at 9am.",),
        ("Hi Ruth, since your roof is 11 years old, our surveyor will check it during the visit.",),
    ],
}


def cases() -> list[dict[str, Any]]:
    """Every case as a JSON-ready dict: id, group, client, notes, text, at, expect, kinds."""
    out: list[dict[str, Any]] = []
    for sc in S:
        notes = [{"id": i, "client": c, "text": t, "at": a} for i, c, t, a in sc.notes]
        extra = [(PASS, *e) for e in EXTRA_TRUTHFUL.get(sc.group, [])]
        for n, case in enumerate(sc.cases + extra, 1):
            expect, text = case[0], case[1]
            at = case[2] if len(case) == 3 else sc.at
            kinds = [] if expect == PASS else expect.split("|")
            out.append(
                {
                    "id": f"{sc.group}-{n:02d}",
                    "group": sc.group,
                    "client": sc.client,
                    "notes": notes,
                    "text": text,
                    "at": at,
                    "expect": "pass" if expect == PASS else "flag",
                    "kinds": kinds,
                }
            )
    return out


def write(path: Path = JSONL) -> int:
    """Write the set as JSON Lines; return the number of cases."""
    rows = cases()
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)


def main() -> None:
    rows = cases()
    n = write()
    planted = sum(r["expect"] == "flag" for r in rows)
    print(f"wrote {n} cases ({planted} planted, {n - planted} truthful) to {JSONL}")


if __name__ == "__main__":
    main()
