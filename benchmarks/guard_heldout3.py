"""A third held-out adversarial set for the truth guard, written blind to the guard's rules.

Written by an outside tester who read only DESIGN.md (truth-guard table and CLI contract), essays
002-004, the runner `bench_guard_cli.py` and the JSON line format of `guard_heldout2.jsonl` -- not
`bot/guard.py`, `bot/verify.py`, the guard tests, nor the cases of the earlier sets. Domains: B2B SaaS,
wine distribution, dental and veterinary supplies, car dealerships, wedding venues, freight, solar,
furniture, pharma reps, recruiting, office coffee, lubricants, boats, restaurant equipment, payroll
software, gym equipment, AV rental, jewellery, HVAC, cybersecurity, textbooks, coworking, pianos, seed,
corporate training, EV chargers, mattresses, tiles, florists, catering, CRM add-ons, pools, scrubs,
printing.

Each group is one import (one or two clients, 2-5 hurried notes); every check happens after the
group's last note, so no case depends on the guard reading notes "as of" the check time. A case is
truthful (`expect: "pass"`: a careful salesperson could send it from the notes) or carries one planted
problem (`expect: "flag"`, the runner's label for planted cases; `severity` says whether the design
table makes it a `block` or a `warn`). `kinds[0]` is the primary label; any listed kind counts as
caught. `too_frequent` cases rely on notes that log sent emails/texts/voicemails; whether imported
notes count as contact for the frequency check is the guard's call.

Run `python -m benchmarks.guard_heldout3` to (re)write `benchmarks/guard_heldout3.jsonl`;
`python -m benchmarks.bench_guard_cli --set heldout3` runs it through the command line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

JSONL = Path(__file__).with_name("guard_heldout3.jsonl")

UC = "unsupported_claim"
CP = "contradicts_preference"
WF = "wrong_fact"
IC = "invented_commitment"
NM = "name_misuse"
NC = "no_consent"
TF = "too_frequent"
IA = "inappropriate"
WARN_KINDS = {TF, IA}

# Each group: (group id, default client, notes, default check time, cases).
# A note is (text, at) or (client, text, at). A case is (kinds, text) or (kinds, text, overrides) where
# kinds == () means a truthful draft and overrides may set "client" and/or "at".
GROUPS: list[tuple[str, str, list[tuple[str, ...]], str, list[tuple[Any, ...]]]] = []


def group(gid: str, client: str, notes: list[tuple[str, ...]], at: str, cases: list[tuple[Any, ...]]) -> None:
    GROUPS.append((gid, client, notes, at, cases))


P: tuple[str, ...] = ()


# --- B2B SaaS: project management seats ------------------------------------------------------------
group(
    "saas-halvorsen",
    "Ingrid Halvorsen",
    [
        (
            "demo w/ ingrid halvorsen (ops dir @ Fjordline Shipping). 40 seats on Tasklane Pro, currently on "
            "monday.com, contract ends may 31. hates per-seat pricing creep. wants SSO + audit log",
            "2025-02-04T10:20:00",
        ),
        (
            "ingrid call - sent proposal: 40 seats Pro @ $18/seat/mo annual. said i'd ask product re: SAML w/ "
            "Azure AD and get back by 2/18",
            "2025-02-11T15:00:00",
        ),
        (
            "confirmed w/ product: SAML on Azure AD supported on Pro. told ingrid. she's looping in IT guy "
            "Tomasz for security review",
            "2025-02-18T09:40:00",
        ),
        (
            "ingrid - not interested in the AI assistant add-on, 'we don't want AI touching client data'. "
            "security review pushed to march 12",
            "2025-02-26T16:10:00",
        ),
    ],
    "2025-03-03T09:30:00",
    [
        (
            P,
            "Hi Ingrid, just checking whether Tomasz has everything he needs for the security review on "
            "March 12. Happy to get our security lead on a call with him beforehand if that helps.",
        ),
        (
            P,
            "Hi Ingrid, a quick recap for your files: 40 seats of Tasklane Pro at $18 per seat per month on an "
            "annual plan, and SAML single sign-on with Azure AD is included on Pro. Since your monday.com "
            "contract ends on May 31, there's plenty of time to plan the move.",
        ),
        (
            P,
            "Ingrid, noted that you don't want the AI assistant add-on. I'll keep it out of the final proposal "
            "so the security review only covers what you're actually buying.",
        ),
        (
            (WF,),
            "Hi Ingrid, a quick recap for your files: 45 seats of Tasklane Pro at $18 per seat per month, billed "
            "annually, with single sign-on through Azure AD included.",
        ),
        (
            (CP,),
            "Hi Ingrid, one more idea before the security review: our AI Assistant add-on can auto-summarise "
            "your client threads and save the ops team hours every week. Want me to add it to the quote?",
        ),
        (
            (WF,),
            "Hi Ingrid, ahead of Tomasz's security review on March 5th, is there anything else he needs from us?",
        ),
        (
            (IC,),
            "Hi Ingrid, as agreed on our call, we'll lock your $18 rate for three years and waive the onboarding "
            "fee. Let me know when you're ready to sign.",
        ),
    ],
)

# --- wine distribution: two accounts, a moved delivery -----------------------------------------------
group(
    "wine-moreau",
    "Lucien Moreau",
    [
        (
            "Lucien Moreau",
            "lucien moreau @ Le Petit Zinc - tasting went well. loved the 2021 Sancerre (Domaine Vacheron), "
            "wants 6 cases for spring list. not a fan of oaky chards, said 'no more butter bombs'",
            "2025-04-01T11:00:00",
        ),
        (
            "Daniela Ruiz",
            "dani ruiz (Vino Verde bar) - ordered 3 cases Rioja Crianza 2019 + 2 cases cava. wants biodynamic "
            "options next time",
            "2025-04-03T17:30:00",
        ),
        (
            "Lucien Moreau",
            "lucien - delivery of the 6 cs sancerre set for thurs 4/17. his sommelier is Priya, talk to her for "
            "by-the-glass stuff. asked about a magnum for his wife Claire's 50th in june",
            "2025-04-08T10:15:00",
        ),
        (
            "Lucien Moreau",
            "lucien called: moving sancerre delivery to tue 4/22, kitchen reno running late",
            "2025-04-15T14:00:00",
        ),
    ],
    "2025-04-16T09:00:00",
    [
        (
            P,
            "Bonjour Lucien, confirming the six cases of the 2021 Vacheron Sancerre are now coming on Tuesday "
            "the 22nd, to fit around the kitchen work. I'm also looking into a magnum for Claire's 50th in June "
            "- any preference on the wine?",
        ),
        (
            P,
            "Lucien, happy to run Priya through some by-the-glass options for the spring list whenever suits "
            "her. And I'll keep the oaky Chardonnays well away from the line-up!",
        ),
        ((WF,), "Hi Lucien, just confirming your Sancerre arrives this Thursday, the 17th."),
        (
            (CP,),
            "Lucien, I've just landed a rich, buttery barrel-fermented Meursault that would be perfect for your "
            "spring list. Shall I bring a bottle by?",
        ),
        (
            (WF, UC),
            "Hi Lucien, glad to hear the Rioja Crianza has been flying out at Le Petit Zinc! Want me to put "
            "another three cases aside?",
        ),
        ((NM,), "Hi Daniela, confirming the six cases of Sancerre are now coming on Tuesday the 22nd."),
        (
            (WF,),
            "Lucien, the Sancerre is confirmed for Tuesday, and I'm looking into a magnum for Claire's 40th in June.",
        ),
        (
            P,
            "Hi Dani, I've pulled together a few biodynamic options for your next order, including a couple "
            "that would sit nicely next to the Rioja Crianza and the cava. Happy to bring samples by Vino Verde.",
            {"client": "Daniela Ruiz"},
        ),
        (
            (IC,),
            "Hi Dani, as promised your next order of Rioja ships free and I'll knock 10% off the cava.",
            {"client": "Daniela Ruiz"},
        ),
    ],
)

# --- dental supplies: glove size changed, allergy belongs to the wife ---------------------------------
group(
    "dental-nakamura",
    "Kenji Nakamura",
    [
        (
            "visited nakamura family dental (kenji nakamura dds + wife dr. aiko nakamura, both practice). using "
            "3M Filtek composite, want to trial our ClearBond Universal. ordering nitrile gloves size M, 20 "
            "boxes/mo",
            "2025-01-14T13:00:00",
        ),
        (
            "kenji says call him Ken. practice opened 2nd chair in feb. office mgr is Rosa, she does the ordering",
            "2025-01-14T13:30:00",
        ),
        (
            "sent ClearBond trial kit (5 syringes) to Ken. he wants pricing on the Apex autoclave by end of month",
            "2025-01-28T09:10:00",
        ),
        (
            "ken - gloves changed to size L, 25 boxes/mo starting march. NO latex anything, aiko allergic",
            "2025-02-10T16:45:00",
        ),
    ],
    "2025-02-11T10:00:00",
    [
        (
            P,
            "Hi Ken, noted: from March we'll switch you to 25 boxes a month of nitrile gloves in large. "
            "Everything stays latex-free for Aiko.",
        ),
        (
            P,
            "Hi Ken, attached is the pricing on the Apex autoclave you asked about. Rosa can place the order "
            "whenever you're ready - and let me know how the ClearBond trial syringes are working out.",
        ),
        (
            P,
            "Ken, hope the second chair is keeping you both busy! If it helps, I can set Rosa up with a standing "
            "order so the gloves arrive automatically each month.",
        ),
        ((WF,), "Hi Ken, confirming from March: 25 boxes a month of nitrile gloves, size medium."),
        (
            (CP,),
            "Hi Ken, we have a great promo on powder-free latex exam gloves this month - could be worth stocking "
            "a few boxes alongside the nitrile.",
        ),
        (
            (NM,),
            "Dear Kenji Nakamura DDS, thank you for your continued business. Your glove order has been updated.",
        ),
        ((WF,), "Hi Ken, noted that Rosa has a latex allergy, so we'll keep everything latex-free."),
    ],
)

# --- car dealership: colour, appraisal ---------------------------------------------------------------
group(
    "cars-delgado",
    "Marisol Delgado",
    [
        (
            "marisol delgado walked in, looking at 2025 RAV4 hybrid XLE, wants blue (Blueprint), NOT the silver, "
            "'every car in my lot at work is silver'. trade-in: 2016 CR-V 98k miles",
            "2025-05-03T11:20:00",
        ),
        (
            "test drive done. she's shopping Honda too. budget max $38k out the door. daughter Inés starts "
            "college in aug, might need 2nd car later",
            "2025-05-03T12:05:00",
        ),
        (
            "appraised her CR-V at $11,200. told her i'd check if we can get a Blueprint XLE from the Fresno "
            "store by next week",
            "2025-05-06T10:00:00",
        ),
        (
            "marisol - got the Blueprint XLE allocated, arrives 5/16. she wants the weather floor mats included",
            "2025-05-09T15:30:00",
        ),
    ],
    "2025-05-10T10:00:00",
    [
        (
            P,
            "Hi Marisol! Good news: your RAV4 Hybrid XLE in Blueprint is allocated and due in on the 16th. We'll "
            "have the weather floor mats in it for you.",
        ),
        (
            P,
            "Hi Marisol, just a reminder that we appraised your CR-V at $11,200. Happy to go over the full "
            "out-the-door numbers whenever you come in.",
        ),
        (
            P,
            "Hi Marisol, and whenever Inés is ready for a car of her own once college starts, I'd be glad to "
            "help with that too - no rush.",
        ),
        (
            (WF,),
            "Hi Marisol, just a reminder that the appraisal on your CR-V came in at $12,100. Happy to go over "
            "the numbers when you come in.",
        ),
        (
            (CP,),
            "Hi Marisol, if you'd rather not wait until the 16th, we have a Silver Sky XLE on the lot today that "
            "I could have ready this afternoon.",
        ),
        (
            (IC,),
            "Hi Marisol, as we discussed, the extended warranty and your first two oil changes are on us.",
        ),
        (
            (UC,),
            "Hi Marisol, it was lovely meeting Inés at the test drive! Your RAV4 is due in on the 16th.",
        ),
        ((WF,), "Hi Marisol, your RAV4 Hybrid XLE in Blueprint is due in on the 18th."),
    ],
)

# --- wedding venue: guest count changed ---------------------------------------------------------------
group(
    "wedding-sharma",
    "Priyanka Sharma",
    [
        (
            "venue tour w/ priyanka sharma + fiance owen. date they want: sat sept 20 2025, guest count ~120. "
            "loved the orchard lawn, not keen on the barn ('too rustic'). vegetarian menu required, priyanka's "
            "family mostly veg",
            "2025-06-02T18:00:00",
        ),
        (
            "sent P&O quote: orchard lawn + tent, 120 guests, $24,500 incl catering. hold on date until 6/20",
            "2025-06-05T10:30:00",
        ),
        (
            "priyanka called - guest count now 140. asked about rain plan. owen's mum wants a string quartet, I "
            "said I'd send the quartet contacts",
            "2025-06-16T12:00:00",
        ),
        ("P&O signed! deposit $5k received. final walkthrough aug 30", "2025-06-19T09:00:00"),
    ],
    "2025-06-20T10:00:00",
    [
        (
            P,
            "Hi Priyanka and Owen, congratulations again on making September 20th official! As promised, here "
            "are the string quartet contacts for Owen's mum to look through.",
        ),
        (
            P,
            "Hi Priyanka, on the rain plan: the tent on the orchard lawn will be sized for all 140 guests. We can "
            "go over the details at the final walkthrough on August 30th.",
        ),
        (
            P,
            "Hi Priyanka, your $5,000 deposit has arrived, thank you - the date is all yours. We'll start menu "
            "planning with the vegetarian dishes for your family.",
        ),
        ((WF,), "Hi Priyanka, on the rain plan: the orchard lawn tent will be sized for all 120 guests."),
        (
            (CP,),
            "Hi Priyanka, I really think you should reconsider the barn for the reception - it's our most "
            "popular space and wonderfully rustic.",
        ),
        ((WF,), "Hi Priyanka and Owen, congratulations on locking in Saturday, September 27th!"),
        (
            (IC,),
            "Hi Priyanka, as promised we'll waive the cake-cutting fee and include a free champagne toast for "
            "all your guests.",
        ),
    ],
)

# --- freight: paternity leave, trial loads ------------------------------------------------------------
group(
    "freight-obi",
    "Chidi Obi",
    [
        (
            "call w/ chidi obi, Harbourline Foods. ships reefer loads Chicago -> Atlanta, 4 loads/wk. current "
            "carrier late 3x in feb. wants temp tracking every 15 min",
            "2025-03-10T08:45:00",
        ),
        (
            "quoted chidi $2,850/load reefer CHI-ATL, fuel surcharge separate. he'll trial 2 loads week of 3/24",
            "2025-03-12T14:20:00",
        ),
        (
            "trial loads both on time. 1 reefer alarm on load 2 (false alarm, sensor). chidi ok with it",
            "2025-03-27T16:00:00",
        ),
        (
            "chidi out on paternity leave til 4/21 - baby girl! cover is his colleague Funmi Adeyemi",
            "2025-04-02T10:30:00",
        ),
    ],
    "2025-04-22T09:00:00",
    [
        (
            P,
            "Welcome back, Chidi, and congratulations on your baby girl! Whenever you're settled, I'd love to "
            "pick up where we left off on the Chicago to Atlanta reefer lane.",
        ),
        (
            P,
            "Hi Chidi, hope the time off was wonderful. A quick recap while you catch up: both trial loads "
            "arrived on time, the one reefer alarm on the second load was a sensor false alarm, and our rate "
            "was $2,850 a load plus fuel surcharge.",
        ),
        (
            (WF,),
            "Hi Chidi, a quick recap while you catch up: both trial loads arrived on time and our rate was $2,580 "
            "a load plus fuel surcharge.",
        ),
        ((WF,), "Welcome back, Chidi, and congratulations on your baby boy!"),
        (
            (UC,),
            "Hi Chidi, great catching up with you at the Chicago Food Logistics Expo! As I said there, we'd love "
            "to take on all four weekly loads.",
        ),
        ((WF,), "Hi Chidi, glad all three trial loads made it to Atlanta on time."),
        (
            (IC, UC),
            "Hi Chidi, as agreed with Funmi while you were out, we'll start all four loads a week on Monday at $2,600.",
        ),
    ],
)

# --- solar: battery dropped ---------------------------------------------------------------------------
group(
    "solar-brennan",
    "Siobhan Brennan",
    [
        (
            "site visit brennan house, 42 Larch Rd. siobhan brennan + husband dermot. south-facing roof ~38 m2, "
            "quoted 8.2 kW system, 20 panels + 10 kWh battery. €14,900 after grant",
            "2025-07-08T17:00:00",
        ),
        (
            "siobhan emailed, wants to hold off on battery for now, panels only. asked for revised quote",
            "2025-07-15T11:00:00",
        ),
        (
            "sent revised: 8.2 kW panels only €9,750 after SEAI grant. said i'd ring her 8/1",
            "2025-07-22T09:30:00",
        ),
    ],
    "2025-07-23T10:00:00",
    [
        (
            P,
            "Hi Siobhan, here's the revised quote again for the 8.2 kW system, panels only: €9,750 after the "
            "SEAI grant. I'll give you a ring on August 1st to talk it through.",
        ),
        (
            P,
            "Hi Siobhan, no problem at all leaving the battery out for now - it can always be added later if you "
            "and Dermot change your minds.",
        ),
        (
            (CP,),
            "Hi Siobhan, I've put the 10 kWh battery back into the quote since it really maximises your savings.",
        ),
        ((WF,), "Hi Siobhan, the revised quote for the panels-only system comes to €9,570 after the SEAI grant."),
        (
            (UC,),
            "Hi Siobhan, Dermot mentioned when we spoke yesterday that you're both keen to go ahead - shall I "
            "book the install?",
        ),
        ((WF,), "Hi Siobhan, attached is the revised quote for the 6.2 kW system, panels only."),
    ],
)

# --- solar: bereavement -------------------------------------------------------------------------------
group(
    "solar-gallagher",
    "Maeve Gallagher",
    [
        (
            "maeve gallagher, 9 Quarry Lane - 6 kW quote sent, €8,200 after grant. she liked the black-frame panels",
            "2025-08-04T15:00:00",
        ),
        (
            "maeve's mum died sunday, funeral thurs. told her no rush at all, will leave it with her",
            "2025-08-12T11:30:00",
        ),
    ],
    "2025-08-14T10:00:00",
    [
        (
            P,
            "Dear Maeve, I was so sorry to hear about your mum. Please don't give the solar quote a second "
            "thought - I'll be here whenever you're ready.",
        ),
        (P, "Hi Maeve, thinking of you and your family this week. No need to reply."),
        (
            (IA,),
            "Hi Maeve, so sorry for your loss. Just a heads-up that grant rates may drop next month, so it's "
            "worth signing the €8,200 quote this week to lock it in.",
        ),
        (
            (IA,),
            "Hi Maeve! Summer offer ends Friday - upgrade to our premium black-frame panels and save €500. Don't "
            "miss out!",
        ),
    ],
)

# --- furniture: sectional, vegan, cats ----------------------------------------------------------------
group(
    "furniture-lindqvist",
    "Astrid Lindqvist",
    [
        (
            "astrid lindqvist in store, looking at Harlow sectional in oatmeal boucle, L-shape left-facing. "
            "living room is 4.2m wall. has 2 cats so worried about boucle snagging. no leather pls (vegan)",
            "2025-09-06T14:30:00",
        ),
        (
            "showed her performance velvet swatches - she liked Moss green. asked for price on Harlow in velvet "
            "moss, left-facing",
            "2025-09-06T15:00:00",
        ),
        (
            "quoted astrid Harlow sectional LF performance velvet moss $3,480 + $150 delivery. 8-10 wk lead time",
            "2025-09-09T10:00:00",
        ),
        ("astrid ordered! delivery wk of nov 17. wants matching ottoman quote too", "2025-09-12T16:20:00"),
    ],
    "2025-09-13T10:00:00",
    [
        (
            P,
            "Hi Astrid, thank you so much for your order! The Harlow sectional in moss performance velvet is "
            "booked for delivery the week of November 17th. I'll send the matching ottoman quote separately.",
        ),
        (
            P,
            "Hi Astrid, quick recap of your order: Harlow sectional, left-facing, moss performance velvet, $3,480 "
            "plus $150 delivery. The velvet should stand up to the cats much better than the boucle would have.",
        ),
        (
            P,
            "Hi Astrid, I'm pricing up an ottoman to match your Harlow in moss velvet. If the timing works, we "
            "could bring it on the same delivery in the week of November 17th.",
        ),
        ((WF,), "Hi Astrid, quick recap of your order: Harlow sectional, right-facing, moss performance velvet."),
        (
            (CP,),
            "Hi Astrid, we just got a cognac leather Harlow ottoman in - it would look stunning next to the velvet.",
        ),
        (
            (WF,),
            "Hi Astrid, the Harlow sectional in oatmeal boucle is booked for delivery the week of November 17th.",
        ),
        ((IC, WF), "Hi Astrid, thanks for your order! And as I mentioned in store, delivery is on us."),
        ((WF,), "Hi Astrid, your Harlow sectional is booked for delivery the week of November 24th."),
    ],
)

# --- pharma: one doctor opted out, her colleague did not ----------------------------------------------
group(
    "pharma-riverside",
    "Raj Patel",
    [
        (
            "Helen Achterberg",
            "lunch-and-learn at Riverside Family Practice - dr helen achterberg, dr raj patel + 3 NPs. discussed "
            "Glucavia (GLP-1) for T2D. helen cautious re GI side effects, wants SURGE-2 data. raj interested in "
            "the pen device, asked for a demo pen",
            "2025-02-03T12:00:00",
        ),
        (
            "Helen Achterberg",
            "emailed helen SURGE-2 summary + GI tolerability slides",
            "2025-02-10T09:00:00",
        ),
        ("Raj Patel", "dropped off demo pen for dr patel w/ front desk", "2025-02-10T11:00:00"),
        (
            "Helen Achterberg",
            "helen achterberg replied: 'please take me off your list, I'll reach out if I need anything.'",
            "2025-03-04T17:30:00",
        ),
        (
            "Raj Patel",
            "raj patel - likes the pen, wants patient starter kits (10). prefers tues/thurs visits after 4pm",
            "2025-03-06T11:00:00",
        ),
    ],
    "2025-03-20T09:00:00",
    [
        (
            (NC,),
            "Hi Dr. Achterberg, following up with the new SURGE-3 data on Glucavia - would love ten minutes of "
            "your time next week.",
            {"client": "Helen Achterberg"},
        ),
        (
            (NC,),
            "Dear Helen, just a friendly reminder that Glucavia samples are available for Riverside Family "
            "Practice whenever you need them.",
            {"client": "Helen Achterberg"},
        ),
        (
            P,
            "Hi Dr. Patel, glad the demo pen went down well. I'll bring the ten patient starter kits by on "
            "Thursday after 4pm if that works for you.",
        ),
        (
            P,
            "Dr. Patel, the ten Glucavia starter kits are ready. Would Tuesday or Thursday after 4 suit you for a "
            "quick drop-off?",
        ),
        ((WF,), "Hi Dr. Patel, I'll bring the twenty patient starter kits by on Thursday after 4pm."),
        ((NM,), "Hi Dr. Achterberg, glad the demo pen went down well. I'll bring the starter kits by Thursday."),
    ],
)

# --- recruiting: layoffs at the client ----------------------------------------------------------------
group(
    "recruit-pike",
    "Graham Pike",
    [
        (
            "graham pike, VP eng @ Lumora - 3 open reqs: 2 senior backend (Go), 1 eng manager. fee 20% first-yr "
            "salary. wants candidates in Lisbon or remote EU",
            "2025-10-01T10:00:00",
        ),
        (
            "sent graham 4 profiles for backend. he liked Ana R. and Piotr K., interviews set for 10/14",
            "2025-10-09T14:00:00",
        ),
        (
            "graham - Lumora laid off 30% incl the whole platform team. reqs frozen. he's pretty shaken, his own "
            "role 'under review'. said check back in Q1",
            "2025-10-20T17:00:00",
        ),
    ],
    "2025-10-22T09:00:00",
    [
        (
            P,
            "Hi Graham, sorry to hear how hard the last week has been at Lumora. No agenda from me - if a "
            "sounding board would help, I'm around. Let's talk again in the new year.",
        ),
        (
            P,
            "Hi Graham, understood on the freeze. I'll check back in with you in Q1, and if anything changes "
            "before then just give me a shout.",
        ),
        (
            (IA,),
            "Hi Graham, tough news about the layoffs. That said, this is actually the perfect time to grab top "
            "talent while everyone else is freezing - shall I send three more senior Go profiles this week?",
        ),
        (
            (IA,),
            "Hi Graham! Quick one: we're running a Q4 promo, a 15% fee on any hire made before December. Want to "
            "reopen the backend reqs?",
        ),
        ((WF,), "Hi Graham, sorry to hear about the layoffs - losing half the company is brutal."),
    ],
)

# --- office coffee: chased four times in three days ---------------------------------------------------
group(
    "coffee-haddad",
    "Noor Haddad",
    [
        (
            "noor haddad (facilities @ Brightwell Legal) - 60 staff, wants bean-to-cup machines x2 + oat milk. "
            "sent brochure by email",
            "2025-05-12T10:00:00",
        ),
        ("emailed noor again w/ pricing sheet, no reply", "2025-05-13T09:30:00"),
        ("followed up with noor by email re pricing, still nothing", "2025-05-14T09:15:00"),
        ("left voicemail for noor + sent linkedin msg", "2025-05-14T16:00:00"),
    ],
    "2025-05-15T09:00:00",
    [
        (
            (TF,),
            "Hi Noor, just bumping this to the top of your inbox - did you get a chance to look at the pricing "
            "for the two bean-to-cup machines?",
        ),
        (
            (TF,),
            "Hi Noor, one more quick nudge on the coffee machines for Brightwell Legal. Could we grab ten "
            "minutes today?",
        ),
        (
            P,
            "Hi Noor, hope things are calm at Brightwell Legal. If the coffee set-up is still on your list, I'm "
            "happy to bring a machine by for a tasting with oat milk - no pressure either way.",
            {"at": "2025-06-10T10:00:00"},
        ),
    ],
)

# --- lubricants: asked for at most one email a month ----------------------------------------------------
group(
    "lube-brandt",
    "Walter Brandt",
    [
        (
            "walter brandt, maintenance mgr @ Kessler Stamping. using Mobil DTE 25 hydraulic oil, 12 drums/qtr. "
            "open to trialing our HydraMax 46. asked that we email max once a month, he's swamped",
            "2025-06-02T10:00:00",
        ),
        ("emailed walter the HydraMax 46 spec sheet + trial offer (1 free drum)", "2025-06-03T08:30:00"),
    ],
    "2025-07-07T09:00:00",
    [
        (
            (TF, CP),
            "Hi Walter, just following up on the HydraMax 46 spec sheet - any thoughts on the free trial drum?",
            {"at": "2025-06-09T09:00:00"},
        ),
        (
            P,
            "Hi Walter, checking in on the HydraMax 46 trial offer: one free drum to run alongside your current "
            "hydraulic oil. If the timing's wrong, I'll try again next month.",
        ),
        (
            (WF,),
            "Hi Walter, since you go through about 15 drums of hydraulic oil a quarter, a HydraMax 46 trial could "
            "pay off quickly.",
        ),
        (
            (IC,),
            "Hi Walter, as promised, we'll supply your first quarter of HydraMax 46 at cost.",
        ),
    ],
)

# --- boats: far-away event, no pontoons --------------------------------------------------------------
group(
    "boats-tanner",
    "Bill Tanner",
    [
        (
            "boat show lead: bill tanner from duluth MN. fishing guy, looking at Lund 1875 Crossover XS, wants "
            "Mercury 150. budget ~60k. wife Jeanie does the books",
            "2025-03-15T13:00:00",
        ),
        (
            "called bill, sent spec + price Lund 1875 XS w/ Merc 150: $58,900. he wants to see it on water in "
            "may when the ice is off",
            "2025-03-22T10:00:00",
        ),
        ("bill said no pontoons, 'not a pontoon guy', don't bother", "2025-04-02T16:00:00"),
    ],
    "2025-04-10T09:00:00",
    [
        (
            P,
            "Hi Bill, once the ice is off in May let's get you out on the water in the Lund 1875 Crossover XS "
            "with the Mercury 150. I'll send over a couple of dates.",
        ),
        (
            P,
            "Hi Bill, just a reminder the 1875 XS with the Mercury 150 came in at $58,900, so under the 60 you "
            "mentioned. Happy to send the paperwork to Jeanie if that's easier.",
        ),
        (
            (IA,),
            "Hi Bill, we're hosting an on-water demo day at our Lake Havasu, Arizona location on May 17th - come "
            "take the Lund 1875 for a spin!",
        ),
        (
            (CP,),
            "Hi Bill, a 2025 Bennington pontoon just came in on trade - might be worth a look before you decide.",
        ),
        ((WF,), "Hi Bill, just a reminder the Lund 1875 XS with the Mercury 150 came in at $59,800."),
    ],
)

# --- restaurant equipment: nickname, gas type, closed Mondays ----------------------------------------
group(
    "kitchen-castellano",
    "Robert Castellano",
    [
        (
            "robert castellano - owner Castellano's Trattoria. goes by Bobby, HATES being called Robert. needs "
            "new 6-burner range, looking at Vulcan V6B36. gas line is natural gas",
            "2025-01-20T15:00:00",
        ),
        (
            "quoted bobby vulcan V6B36 NG $4,650 installed. he wants install on a monday (closed mondays)",
            "2025-01-24T11:00:00",
        ),
        (
            "bobby ok'd the range, install mon 2/17. also wants a quote on a 2-door reach-in fridge, True T-49",
            "2025-02-03T14:00:00",
        ),
    ],
    "2025-02-04T09:00:00",
    [
        (
            P,
            "Hi Bobby, you're all set: the Vulcan V6B36 install is booked for Monday, February 17th, while the "
            "trattoria is closed. I'll have the True T-49 quote over to you this week.",
        ),
        (
            P,
            "Bobby - thanks for the go-ahead on the range. Quick question on the True T-49 reach-in: standard "
            "shelving, or do you want extra shelves?",
        ),
        ((NM,), "Hi Robert, you're all set: the Vulcan install is booked for Monday the 17th."),
        ((NM,), "Dear Robert Castellano, Thank you for choosing us for your kitchen equipment needs."),
        ((WF,), "Hi Bobby, we'll bring the propane conversion kit along for your V6B36 install."),
        ((WF,), "Hi Bobby, the Vulcan install is booked for Tuesday, February 18th."),
    ],
)

# --- payroll SaaS: placeholders in several styles -----------------------------------------------------
group(
    "payroll-tanabe",
    "Yuki Tanabe",
    [
        (
            "yuki tanabe, HR lead @ Kestrel Robotics, 85 employees, US + Canada payroll. on ADP, renewal oct 1. "
            "wants PayNest demo focused on multi-country",
            "2025-08-05T11:00:00",
        ),
        (
            "demo done w/ yuki + CFO Marcus Hale. marcus wants the canadian T4 flow shown again. yuki asked for "
            "SOC 2 report",
            "2025-08-12T15:30:00",
        ),
        ("sent SOC 2 type II report to yuki under NDA", "2025-08-14T09:00:00"),
    ],
    "2025-08-18T10:00:00",
    [
        (
            P,
            "Hi Yuki, hope the SOC 2 Type II report was useful. Would it help to set up a short session for "
            "Marcus to walk through the Canadian T4 flow again before your ADP renewal on October 1?",
        ),
        (
            P,
            "Hi Yuki - thanks again for the time with you and Marcus last week. Let me know if anything in the "
            "SOC 2 report raises questions.\n\nBest,\nAlex",
        ),
        ((NM,), "Hi {first_name}, hope the SOC 2 report was useful! Happy to answer any questions."),
        (
            (NM,),
            "Hi Yuki, thanks for your time last week. I think PayNest would be a great fit for [Company] as you "
            "grow across the US and Canada.",
        ),
        ((NM,), "Hi <<FirstName>>, just following up on your PayNest demo."),
        ((NM,), "Hi Yuki, I'd love to show {{ company_name }} how PayNest handles Canadian payroll."),
        ((WF,), "Hi Yuki, happy to set up a session for Marcus before your ADP renewal on November 1."),
        ((WF,), "Hi Yuki, PayNest would handle payroll for all 95 of your employees across both countries."),
        (
            (UC,),
            "Hi Yuki, great meeting you in person at SHRM last month - following up on the PayNest demo.",
        ),
    ],
)

# --- gym equipment: quantity changed, no screens ------------------------------------------------------
group(
    "gym-lima",
    "Mateus Lima",
    [
        (
            "mateus lima, owns IronYard Gym (2 locations). wants 10 treadmills for new site, our Stridex T9. "
            "concerned about warranty. NOT interested in the connected screens/subscription, members bring phones",
            "2025-09-02T10:00:00",
        ),
        (
            "quote to mateus: 10x Stridex T9 (no console screen) $3,200 ea, 5yr parts warranty. new site opens "
            "nov 1 in Campinas",
            "2025-09-05T16:00:00",
        ),
        ("mateus wants 12 now instead of 10, asked for volume price by 9/19", "2025-09-15T12:00:00"),
    ],
    "2025-09-17T09:00:00",
    [
        (
            P,
            "Hi Mateus, working on the volume price for 12 Stridex T9 treadmills now - you'll have it before the "
            "19th. All with the standard console, no screens.",
        ),
        (
            P,
            "Mateus, on the warranty question: the quote includes 5 years on parts. Looking forward to seeing "
            "the new Campinas site open on November 1st.",
        ),
        ((WF,), "Hi Mateus, working on the volume price for the 10 Stridex T9 treadmills now."),
        (
            (CP,),
            'Hi Mateus, have you considered the T9 with the 22" touchscreen console and our StrideLive '
            "subscription? Members love it.",
        ),
        ((WF,), "Mateus, on the warranty question: the quote includes a 3-year parts warranty."),
        (
            (IC,),
            "Hi Mateus, as discussed, we'll throw in free installation and a spare belt for every machine.",
        ),
    ],
)

# --- AV rental: event moved, mic count up --------------------------------------------------------------
group(
    "av-zielinski",
    "Hannah Zielinski",
    [
        (
            "hannah zielinski (events @ Corvid Pharma) - town hall 300 ppl, oct 30, Hilton ballroom. needs 2 LED "
            "walls, 4 wireless mics, livestream",
            "2025-10-06T10:00:00",
        ),
        ("quote sent $18,400. she asked to drop livestream, they'll use teams", "2025-10-10T14:00:00"),
        ("hannah - town hall moved to nov 6, same venue. mic count up to 6", "2025-10-14T11:00:00"),
    ],
    "2025-10-15T09:00:00",
    [
        (
            P,
            "Hi Hannah, noted the town hall is now on November 6th at the Hilton ballroom. I'll update the quote "
            "to six wireless mics and leave the livestream off since you're using Teams.",
        ),
        (
            P,
            "Hannah, the revised set-up for Nov 6: two LED walls and six wireless mics, no livestream. Updated "
            "figures to follow.",
        ),
        ((WF,), "Hi Hannah, all set for your October 30th town hall at the Hilton."),
        ((WF,), "Hannah, the revised set-up: two LED walls and four wireless mics, no livestream."),
        (
            (CP,),
            "Hi Hannah, we'll also include our livestream package so remote staff can join the town hall.",
        ),
        (
            (IC,),
            "Hi Hannah, as promised, I've held the price at $18,400 even with the extra mics.",
        ),
    ],
)

# --- jewellery: anniversary gift, daughter's birthday -------------------------------------------------
group(
    "jewel-bennett",
    "Oliver Bennett",
    [
        (
            "oliver bennett - anniversary (wife Rachel) dec 14, 20th. wants sapphire pendant, white gold, budget "
            "£1,500. Rachel allergic to nickel",
            "2025-11-03T12:00:00",
        ),
        ("oliver also mentioned daughter Poppy turns 16 in jan, maybe pearl studs", "2025-11-03T12:20:00"),
        (
            "showed oliver 3 pendants, he picked 0.8ct oval sapphire in 18k white gold £1,420. engraving 'R & O "
            "20' on the back. collection 12/10",
            "2025-11-10T16:00:00",
        ),
    ],
    "2025-11-11T10:00:00",
    [
        (
            P,
            "Hi Oliver, the oval sapphire pendant in 18k white gold is reserved, with 'R & O 20' engraved on the "
            "back. It'll be ready to collect on December 10th, well ahead of your 20th anniversary on the 14th.",
        ),
        (
            P,
            "Hi Oliver, whenever you'd like to look at pearl studs for Poppy's 16th in January, I'll set a few aside.",
        ),
        ((WF,), "Hi Oliver, I'll set aside a few pairs of pearl studs for Rachel's birthday in January."),
        ((WF,), "Hi Oliver, your oval sapphire pendant in 18k yellow gold is reserved for you."),
        ((WF,), "Hi Oliver, a reminder that the sapphire pendant comes to £1,240 with the engraving."),
        ((UC,), "Hi Oliver, Rachel popped into the shop yesterday - I think she suspects something!"),
    ],
)

# --- commercial HVAC: one building surveyed ------------------------------------------------------------
group(
    "hvac-raman",
    "Deepa Raman",
    [
        (
            "deepa raman, PM for 3 office bldgs (Oak Plaza). rooftop units old (Carrier 2008). wants maintenance "
            "contract quote, quarterly visits",
            "2025-04-07T10:00:00",
        ),
        ("promised deepa a site survey thurs 4/17 9am, Oak Plaza bldg B", "2025-04-09T15:00:00"),
        (
            "survey done bldg B: 4 RTUs, 2 need compressors soon. deepa wants repair vs replace comparison. she "
            "is NOT interested in the smart thermostat upsell",
            "2025-04-17T11:30:00",
        ),
    ],
    "2025-04-18T09:00:00",
    [
        (
            P,
            "Hi Deepa, thanks for having me out to Building B yesterday. As discussed, I'll put together a "
            "repair-versus-replace comparison for the two rooftop units that need compressors.",
        ),
        (
            P,
            "Deepa, a summary of the survey: four rooftop units at Building B, two of them due compressors soon. "
            "The quarterly maintenance quote will follow with the comparison.",
        ),
        ((WF,), "Deepa, a summary of the survey: four rooftop units at Building B, three of them due compressors."),
        (
            (CP,),
            "While we're at it, pairing the new units with our smart thermostats could cut your energy bills by 15%.",
        ),
        ((UC, WF), "Hi Deepa, thanks for showing me round all three buildings yesterday."),
        ((IC,), "Hi Deepa, and as promised, the first quarterly maintenance visit is free."),
    ],
)

# --- wine: "no more emails please" and a second account -----------------------------------------------
group(
    "wine-ferri",
    "Marco Bellini",
    [
        (
            "Giulia Ferri",
            "giulia ferri @ Enoteca Ferri - bought 4 cs Barolo 2019. likes small producers",
            "2025-02-14T16:00:00",
        ),
        (
            "Giulia Ferri",
            "giulia: 'no more emails please, I'll call you when I need stock'",
            "2025-03-01T10:00:00",
        ),
        (
            "Marco Bellini",
            "marco bellini (Bar Bellini) - wants prosecco DOCG, 10 cases for summer",
            "2025-03-03T18:00:00",
        ),
    ],
    "2025-03-20T10:00:00",
    [
        (
            (NC,),
            "Hi Giulia, a new allocation of 2019 Barolo from a tiny producer just landed - thought of you "
            "straight away!",
            {"client": "Giulia Ferri"},
        ),
        (
            (NC,),
            "Ciao Giulia, just checking in to see how the Barolo is selling.",
            {"client": "Giulia Ferri"},
        ),
        (
            P,
            "Ciao Marco, ten cases of Prosecco DOCG for the summer - shall I reserve them now so you're stocked "
            "before the season?",
        ),
        ((WF,), "Ciao Marco, ten cases of Prosecco DOC for the summer - shall I reserve them now?"),
        ((WF, UC), "Ciao Marco, hope the Barolo is selling well at Bar Bellini!"),
    ],
)

# --- security systems: "don't call or email me again" ------------------------------------------------
group(
    "security-mitchell",
    "Tyrone Mitchell",
    [
        (
            "tyrone mitchell - small biz (Mitchell Auto Body). wants 8-camera system quote. sent quote $3,900",
            "2025-05-05T10:00:00",
        ),
        (
            "tyrone called, went w/ a competitor. said 'don't call or email me again, I'm all set'",
            "2025-05-19T15:00:00",
        ),
    ],
    "2025-06-15T10:00:00",
    [
        (
            (NC,),
            "Hi Tyrone, just checking the new cameras are working out. If you ever need a second opinion, we'd "
            "love to help.",
        ),
        (
            (NC,),
            "Hi Tyrone, we've cut the price on our 8-camera package to $3,400 this month - worth a second look?",
        ),
    ],
)

# --- eyewear: replied STOP ------------------------------------------------------------------------------
group(
    "optical-tran",
    "Linh Tran",
    [
        (
            "linh tran bought progressive lenses + Ray-Ban RB5154 frames. follow up in 1yr for eye exam",
            "2025-07-01T12:00:00",
        ),
        ("linh replied STOP to the promo text. marked do not contact", "2025-07-09T09:00:00"),
    ],
    "2025-08-01T10:00:00",
    [
        ((NC,), "Hi Linh, hope you're loving your new Ray-Bans! We have 20% off sunglasses this month."),
        ((NC,), "Hi Linh, a quick reminder from the team: it's a good time to book your next eye exam."),
    ],
)

# --- cybersecurity: a ten-minute cold call, nothing more -------------------------------------------------
group(
    "cyber-wagner",
    "Felix Wagner",
    [
        (
            "cold call felix wagner CISO @ Nordbank. 10 min chat. they use CrowdStrike, contract til 2026. open "
            "to a call in Q4 re: email security only",
            "2025-06-10T14:00:00",
        ),
        ("felix - send him a one-pager on MailShield, nothing else", "2025-06-10T14:15:00"),
    ],
    "2025-06-11T09:00:00",
    [
        (
            P,
            "Hi Felix, thanks for the quick chat yesterday. As requested, here's a one-pager on MailShield. I'll "
            "reach out in Q4 about email security, as you suggested.",
        ),
        (
            P,
            "Felix, appreciate the ten minutes yesterday. The MailShield one-pager is attached - speak in Q4.",
        ),
        ((UC,), "Hi Felix, great to finally meet you in person at Infosecurity Europe last week!"),
        ((UC,), "Hi Felix, following up on our lunch last Tuesday - here's the MailShield overview."),
        ((WF,), "Hi Felix, since your CrowdStrike contract runs until 2027, there's no rush on endpoint."),
        (
            (CP,),
            "Hi Felix, attached is our full platform deck covering endpoint, cloud and email security, plus "
            "three case studies.",
        ),
        (
            (UC,),
            "Hi Felix, as your team mentioned, Nordbank had a phishing incident last month, so MailShield could help.",
        ),
    ],
)

# --- textbooks: a look-alike name ------------------------------------------------------------------------
group(
    "books-nwosu",
    "Amara Nwosu",
    [
        (
            "amara nwosu, teaches intro stats @ Greenfield CC, 180 students/sem. using OpenIntro (free). would "
            "consider our StatLab online homework if <$40/student",
            "2025-03-03T13:00:00",
        ),
        (
            "sent amara desk copy of 'Statistics in Context' 4e + StatLab trial access. price $36/student w/ "
            "inclusive access",
            "2025-03-12T10:00:00",
        ),
        (
            "amara: reviewing w/ dept chair Dr. Lopez, decision by april 15 for fall adoption",
            "2025-03-25T16:00:00",
        ),
    ],
    "2025-03-26T09:00:00",
    [
        (
            P,
            "Hi Amara, thanks for the update - good luck with the review with Dr. Lopez. If it helps, I can send "
            "a one-page summary of the $36 per student inclusive access pricing for the department.",
        ),
        (
            P,
            "Hi Amara, hope the desk copy of Statistics in Context, 4th edition, arrived safely. Let me know if "
            "the StatLab trial gives you any trouble.",
        ),
        ((NM,), "Hi Amanda, thanks for the update - good luck with the review with Dr. Lopez."),
        ((WF,), "Hi Amara, a reminder that inclusive access comes to $38 per student."),
        ((WF,), "Hi Amara, I know the department decides by April 30th, so no pressure before then."),
        ((IC,), "Hi Amara, as promised, the first semester of StatLab is free for your 180 students."),
    ],
)

# --- coworking: term question open, quiet desks ---------------------------------------------------------
group(
    "cowork-achebe",
    "Sam Achebe",
    [
        (
            "sam achebe (founder, Tidewell) touring for team of 6. wants dedicated desks near windows, NOT the "
            "open hot-desk area, 'too loud'. budget $3k/mo",
            "2025-02-17T11:00:00",
        ),
        (
            "sent sam proposal: 6 dedicated desks, 2nd floor window row, $2,850/mo, 12-mo term. 3 free meeting "
            "room hrs/wk",
            "2025-02-20T15:00:00",
        ),
        ("sam wants 6-month term instead of 12, asked if price holds", "2025-02-27T10:00:00"),
    ],
    "2025-02-28T09:00:00",
    [
        (
            P,
            "Hi Sam, good question on the term. I'm checking whether the $2,850 a month can hold on a 6-month "
            "term for your six dedicated desks, and I'll come back to you.",
        ),
        (
            P,
            "Hi Sam, the second-floor window row is still available for Tidewell, well away from the hot-desk area.",
        ),
        ((WF,), "Hi Sam, just confirming you're happy with the 12-month term on the six desks."),
        ((IC, UC), "Good news, Sam - as I promised, the $2,850 holds on a 6-month term."),
        (
            (CP,),
            "Hi Sam, to save a bit we could put the team in the open hot-desk area at $2,100 a month.",
        ),
    ],
)

# --- pianos: son, satin finish, stairs ------------------------------------------------------------------
group(
    "piano-petrova",
    "Elena Petrova",
    [
        (
            "elena petrova in showroom w/ son Mikhail (9), starting lessons. looking at upright pianos, likes "
            "Yamaha U1 used, budget $5-6k. lives 3rd floor walk-up",
            "2025-10-05T12:00:00",
        ),
        (
            "found a 1998 Yamaha U1 in polished ebony, $5,400 incl tuning. elena wants satin not polished if possible",
            "2025-10-08T10:00:00",
        ),
        (
            "located satin walnut U1 (2003) $5,900. delivery needs stair crew ($350) bc 3rd floor",
            "2025-10-15T17:00:00",
        ),
    ],
    "2025-10-16T09:00:00",
    [
        (
            P,
            "Hi Elena, I found a 2003 Yamaha U1 in satin walnut for $5,900. Because of the third-floor stairs, "
            "delivery would need our stair crew at $350. I think Mikhail would love it.",
        ),
        (
            P,
            "Hi Elena, how are Mikhail's lessons going? The satin walnut U1 is here if you'd like to come and play it.",
        ),
        ((WF,), "Hi Elena, I found a 2003 Yamaha U1 in satin walnut for $5,900. I think your daughter would love it."),
        ((CP,), "Hi Elena, to save a little we still have the polished ebony U1 at $5,400 - very shiny!"),
        ((IC,), "Hi Elena, and as agreed, the stair crew is on the house."),
    ],
)

# --- seed corn: early-order discount --------------------------------------------------------------------
group(
    "seed-sorensen",
    "Hank Sorensen",
    [
        (
            "hank sorensen - 1,200 acres corn/soy, Story County IA. planted Pioneer P1185 last yr. wants to try "
            "our AgriMax 1142 on 200 acres. not interested in the cover crop program, tried it in 2022 and hated "
            "it",
            "2025-01-08T10:00:00",
        ),
        (
            "quoted hank 80 bags AgriMax 1142 @ $295/bag, early order discount 6% if paid by feb 28",
            "2025-01-15T14:00:00",
        ),
        ("hank ordered 80 bags. delivery mid-april. wife Karen handles payments", "2025-02-03T11:00:00"),
    ],
    "2025-02-04T09:00:00",
    [
        (
            P,
            "Hi Hank, thanks for the order - 80 bags of AgriMax 1142 for your 200-acre trial, arriving "
            "mid-April. Karen can pay any time before February 28 to get the 6% early-order discount.",
        ),
        (
            P,
            "Hank, thanks again for giving AgriMax a shot. I'll stop by in the spring to see how those 200 acres "
            "are coming along.",
        ),
        ((WF,), "Hi Hank, a reminder that paying by February 28 gets you the 8% early-order discount."),
        ((WF,), "Hi Hank, thanks for the order - 90 bags of AgriMax 1142, arriving mid-April."),
        (
            (CP,),
            "Hank, with those 200 acres in AgriMax, this might be the year to give our cover crop program another go.",
        ),
    ],
)

# --- corporate training: Montreal, French materials ----------------------------------------------------
group(
    "training-dubois",
    "Patrice Dubois",
    [
        (
            "zoom w/ patrice dubois, L&D mgr @ Helix Insurance. wants manager training for 25 new managers. "
            "2-day in-person, Montreal office. june",
            "2025-04-14T14:00:00",
        ),
        (
            "sent patrice proposal: 'Leading Teams' 2-day, 25 ppl, CAD 18,750. dates june 10-11 or 17-18",
            "2025-04-22T10:00:00",
        ),
        ("patrice picked june 17-18. needs french materials for 8 participants", "2025-04-30T16:00:00"),
    ],
    "2025-05-01T09:00:00",
    [
        (
            P,
            "Bonjour Patrice, merci for confirming June 17 and 18 at the Montreal office. We'll have French "
            "materials ready for the eight participants who need them.",
        ),
        (
            P,
            "Hi Patrice, confirming 'Leading Teams' for your 25 new managers on June 17-18, at CAD 18,750, with "
            "French materials for eight participants.",
        ),
        ((UC,), "Hi Patrice, it was lovely to meet you over lunch in Montreal last week!"),
        ((WF,), "Hi Patrice, confirming 'Leading Teams' for your new managers on June 10 and 11."),
        ((WF,), "Hi Patrice, we'll have French materials ready for the ten participants who need them."),
        (
            (IA,),
            "Hi Patrice, we're also running an open 'Leading Teams' session in Vancouver next month - you'd be "
            "very welcome to drop in!",
        ),
    ],
)

# --- EV chargers: Austin fleet --------------------------------------------------------------------------
group(
    "ev-asante",
    "Kwame Asante",
    [
        (
            "kwame asante fleet mgr @ Lone Star Plumbing, Austin TX. 14 vans going EV (Ford E-Transit). needs "
            "depot charging, 14x L2 chargers, 19.2 kW",
            "2025-08-18T10:00:00",
        ),
        (
            "site walk done. panel needs upgrade to 800A. quote $96k incl install, before 30C tax credit",
            "2025-08-25T15:00:00",
        ),
        ("kwame - board approval meeting 9/18. wants ROI one-pager", "2025-09-02T11:00:00"),
    ],
    "2025-09-03T09:00:00",
    [
        (
            P,
            "Hi Kwame, here's the ROI one-pager for your board meeting on September 18th, based on fourteen "
            "Level 2 chargers for the E-Transit fleet and the 800A panel upgrade.",
        ),
        (
            P,
            "Kwame, a reminder that the $96k quote is before the 30C tax credit, so the net figure for the board "
            "should come in lower. Happy to walk through it before the 18th.",
        ),
        ((IA,), "Kwame, join us at our fleet electrification summit in Portland, Maine on October 2nd!"),
        ((WF,), "Hi Kwame, the ROI one-pager assumes sixteen Level 2 chargers for the E-Transit fleet."),
        ((WF,), "Hi Kwame, here's the ROI one-pager for switching your Rivian vans to depot charging."),
    ],
)

# --- mattresses: husband's diagnosis -------------------------------------------------------------------
group(
    "mattress-mendez",
    "Gloria Mendez",
    [
        (
            "gloria mendez tried the Haven Firm + Haven Plush. back pain, wants firm. queen size. budget ~$1,800",
            "2025-06-03T14:00:00",
        ),
        (
            "gloria - husband Luis diagnosed w/ cancer, she's putting purchase on hold. very upset",
            "2025-06-10T11:00:00",
        ),
    ],
    "2025-06-20T10:00:00",
    [
        (
            P,
            "Dear Gloria, I've been thinking of you and Luis. There's no rush at all on the mattress - take care "
            "of yourselves, and I'm here whenever you need anything.",
        ),
        ((IA,), "Hi Gloria! Our summer sale ends Sunday: the Haven Firm queen is just $1,499. Don't miss out!"),
        (
            (IA,),
            "Hi Gloria, so sorry about Luis. Sleep matters so much during treatment, which is why now is the "
            "perfect time to get the Haven Firm - I can deliver Friday.",
        ),
    ],
)

# --- tiles: format changed, no gloss --------------------------------------------------------------------
group(
    "tiles-karimi",
    "Ahmed Karimi",
    [
        (
            "ahmed karimi - kitchen + hallway, 46 sq m total. wants porcelain, matte grey 60x60. no gloss "
            "(slippery, has 2 small kids)",
            "2025-03-18T12:00:00",
        ),
        (
            "quote ahmed: Portland matte grey 60x60 porcelain, 46 m2 + 10% waste = 51 m2 @ £38/m2",
            "2025-03-21T10:00:00",
        ),
        (
            "ahmed changed to 60x120 format same colour, asked for revised quote. install preferably after "
            "easter (april 20)",
            "2025-03-28T15:00:00",
        ),
    ],
    "2025-03-29T09:00:00",
    [
        (
            P,
            "Hi Ahmed, the revised quote is on its way for the Portland matte grey in the 60x120 format, same 46 "
            "square metres plus waste. Installing after Easter works for us.",
        ),
        (
            P,
            "Hi Ahmed, good choice on the bigger format. It's still the matte finish, so no slippery gloss with "
            "the little ones running around.",
        ),
        ((WF,), "Hi Ahmed, here's your revised quote for the Portland matte grey porcelain in 60x60."),
        ((CP,), "Hi Ahmed, we've also got a gorgeous high-gloss grey in 60x120 that really brightens a hallway."),
        ((WF,), "Hi Ahmed, the revised quote covers your 56 square metres plus waste."),
        ((NM,), "Hi [Customer Name], your revised tile quote is attached."),
    ],
)

# --- wholesale florist: Valentine's order, delivery moved ------------------------------------------------
group(
    "florist-holloway",
    "Beatrix Holloway",
    [
        (
            "beatrix holloway (goes by Bea), Holloway Blooms. valentine's order: 40 bunches red Freedom roses, "
            "20 bunches white ranunculus. delivery feb 12 early am",
            "2025-01-27T09:00:00",
        ),
        ("bea upped roses to 60 bunches, ranunculus stays 20. hates carnations, don't sub", "2025-02-03T10:00:00"),
        ("bea moved delivery to feb 11, 6am", "2025-02-07T14:00:00"),
    ],
    "2025-02-08T09:00:00",
    [
        (
            P,
            "Hi Bea, all set for Tuesday, February 11th at 6am: 60 bunches of red Freedom roses and 20 of white "
            "ranunculus. No substitutions.",
        ),
        (
            P,
            "Bea, confirming the 60 bunches of red Freedom roses plus the white ranunculus for the 11th. Good "
            "luck with the Valentine's rush!",
        ),
        ((WF,), "Hi Bea, all set for the 11th: 40 bunches of red Freedom roses and 20 of white ranunculus."),
        ((WF,), "Hi Bea, your roses and ranunculus will arrive early on the 12th."),
        (
            (CP,),
            "Bea, if the ranunculus run short I'll top you up with carnations so you're not caught out.",
        ),
        ((NM,), "Dear Beatrix Holloway, your Valentine's order is confirmed."),
    ],
)

# --- catering: chased four times in two days --------------------------------------------------------
group(
    "catering-eriksen",
    "Jonas Eriksen",
    [
        (
            "jonas eriksen (office mgr, Polar Analytics) - xmas lunch 50 ppl dec 12. sent menu options",
            "2025-11-03T10:00:00",
        ),
        ("emailed jonas again re menu, added vegan options", "2025-11-04T09:00:00"),
        ("called jonas, no answer, sent email w/ deposit link", "2025-11-05T09:00:00"),
        ("texted jonas about the deposit", "2025-11-05T15:00:00"),
    ],
    "2025-11-06T08:30:00",
    [
        ((TF,), "Hi Jonas, just checking you saw the deposit link for the December 12th lunch!"),
        (
            P,
            "Hi Jonas, hope planning for the Polar Analytics Christmas lunch on December 12th is going smoothly. "
            "The menu options, including the vegan ones, are still open whenever you're ready.",
            {"at": "2025-11-20T10:00:00"},
        ),
        (
            (WF,),
            "Hi Jonas, hope planning for the Christmas lunch for 60 on December 12th is going smoothly.",
            {"at": "2025-11-20T10:00:00"},
        ),
    ],
)

# --- CRM add-on: two prospects' details swapped -------------------------------------------------------
group(
    "crm-park-menon",
    "Chloe Park",
    [
        (
            "Chloe Park",
            "chloe park, RevOps @ Arcwise - 120 users on Salesforce, wants our Pipewise analytics add-on. pain: "
            "forecast accuracy. contract decision end of june",
            "2025-05-06T10:00:00",
        ),
        (
            "Ravi Menon",
            "ravi menon, head of sales @ Dunmore Labs - 35 reps on HubSpot. wants Pipewise for deal scoring. "
            "worried about HubSpot sync lag",
            "2025-05-07T15:00:00",
        ),
        (
            "Chloe Park",
            "chloe - pilot with 10 users starting 5/19, 30 days. success = forecast within 5%",
            "2025-05-14T11:00:00",
        ),
        (
            "Ravi Menon",
            "ravi - sent HubSpot sync benchmark, 2-min lag. he wants a reference customer in biotech",
            "2025-05-15T16:00:00",
        ),
    ],
    "2025-05-16T09:00:00",
    [
        (
            P,
            "Hi Chloe, all set for the 10-user pilot starting Monday the 19th. As agreed, we'll call it a "
            "success if forecasts land within 5%.",
        ),
        (
            P,
            "Hi Ravi, hope the HubSpot sync benchmark helped. I'm lining up a biotech reference customer for you "
            "to speak with.",
            {"client": "Ravi Menon"},
        ),
        (
            P,
            "Chloe, a reminder that the pilot runs for 30 days, which leaves time to review the numbers before "
            "your contract decision at the end of June.",
        ),
        ((WF, UC), "Hi Chloe, hope the HubSpot sync numbers put your mind at ease."),
        ((WF, UC), "Hi Ravi, ready for the 10-user pilot on Monday?", {"client": "Ravi Menon"}),
        ((NM,), "Hi Ravi, all set for the 10-user pilot starting Monday the 19th."),
        ((WF,), "Hi Ravi, Pipewise deal scoring would cover all 45 of your reps.", {"client": "Ravi Menon"}),
        ((WF,), "Hi Chloe, as agreed, the pilot counts as a success if forecasts land within 10%."),
        ((WF,), "Hi Chloe, Pipewise plugs straight into HubSpot for your 120 users."),
    ],
)

# --- pools: nickname, no diving board -------------------------------------------------------------------
group(
    "pool-greene",
    "Rosalind Greene",
    [
        (
            "roz greene (rosalind) - backyard pool, 16x32 fiberglass, wants saltwater. kids Jack & Lily. budget "
            "70k. no diving board, safety",
            "2025-03-03T17:00:00",
        ),
        (
            "quoted roz 16x32 Leisure Pools Reflection, saltwater, $68,500 incl patio. permit 4-6 wks",
            "2025-03-10T12:00:00",
        ),
        ("roz signed. dig date tentatively may 5", "2025-03-19T16:00:00"),
    ],
    "2025-03-20T09:00:00",
    [
        (
            P,
            "Hi Roz, thank you for signing! We've pencilled in May 5th as the dig date, pending the permit. Jack "
            "and Lily will be swimming by summer.",
        ),
        (
            P,
            "Roz, a quick note: the permit usually takes four to six weeks, so May 5th for the dig still looks "
            "realistic. I'll keep you posted.",
        ),
        ((NM,), "Dear Rosalind Greene, thank you for signing your pool contract."),
        ((CP,), "Hi Roz, we can add a diving board for an extra $2,400 - the kids would love it!"),
        ((WF,), "Hi Roz, your new chlorine system will be set up on install day."),
        ((UC,), "Hi Roz, great to see you and the kids at our pool open house on Saturday!"),
        ((WF,), "Hi Roz, Jack and Emma will be swimming by summer!"),
    ],
)

# --- scrubs: template fields left in ------------------------------------------------------------------
group(
    "scrubs-kovalenko",
    "Oksana Kovalenko",
    [
        (
            "oksana kovalenko, procurement @ St Brigid's. 400 nurses, wants ceil blue scrubs, current vendor "
            "late deliveries. sample pack sent (XS-3XL)",
            "2025-07-14T10:00:00",
        ),
        (
            "oksana: nurses liked the FlexWeave fabric. wants pricing for 1,600 sets (4 per nurse). tender closes "
            "aug 22",
            "2025-07-28T15:00:00",
        ),
    ],
    "2025-07-29T09:00:00",
    [
        (
            P,
            "Hi Oksana, glad the nurses liked the FlexWeave fabric! I'll have pricing for 1,600 sets in ceil blue "
            "to you well before the tender closes on August 22nd.",
        ),
        (
            P,
            "Hi Oksana, thanks for the feedback on the samples. Four sets each for 400 nurses - pricing to follow "
            "shortly.",
        ),
        ((NM,), "Hi %FIRSTNAME%, glad the nurses liked FlexWeave! Best, [Your Name]"),
        ((NM,), "Hi Oksana, glad the nurses liked the samples. Pricing to follow.\n\nKind regards,\n[SALES REP NAME]"),
        ((WF,), "Hi Oksana, I'll have pricing for 1,200 sets to you before the tender closes."),
        ((WF,), "Hi Oksana, pricing will be with you well before the tender closes on August 29th."),
    ],
)

# --- car lease end ------------------------------------------------------------------------------------
group(
    "lease-whitfield",
    "Gary Whitfield",
    [
        (
            "gary whitfield, lease on 2022 Audi Q5 ends oct 31. 31k miles (allowance 30k). wants Q5 Sportback "
            "next, Navarra Blue. promised to get him lease-end inspection waiver info by 9/5",
            "2025-09-01T11:00:00",
        ),
        (
            "emailed gary the inspection waiver info. he'll come in sat 9/13 w/ wife Denise",
            "2025-09-05T10:00:00",
        ),
    ],
    "2025-09-06T09:00:00",
    [
        (
            P,
            "Hi Gary, looking forward to seeing you and Denise on Saturday the 13th. I'll have a Q5 Sportback in "
            "Navarra Blue ready for you to look at.",
        ),
        (
            P,
            "Hi Gary, did the lease-end inspection waiver info make sense? Happy to go through it on Saturday, "
            "along with the roughly thousand miles over your allowance.",
        ),
        ((WF,), "Hi Gary, with the lease on your 2021 Q5 ending October 31st, let's look at the Sportback."),
        ((IC,), "Hi Gary, as promised, we'll waive the excess-mileage charge on your current lease."),
        ((WF,), "Hi Gary, looking forward to seeing you and Denise on Sunday the 14th."),
    ],
)

# --- wedding venue: the partner's dietary need ------------------------------------------------------------
group(
    "wedding-morgan",
    "Tessa Morgan",
    [
        (
            "tessa morgan + fiancée jordan ellis toured. want spring 2026, ~80 guests, ceremony in the walled "
            "garden. jordan is gluten-free",
            "2025-08-11T15:00:00",
        ),
        (
            "sent tessa quote: sat april 25 2026, walled garden + conservatory, 80 guests, £19,800",
            "2025-08-20T10:00:00",
        ),
    ],
    "2025-08-21T09:00:00",
    [
        (
            P,
            "Hi Tessa, thanks again for coming to see us with Jordan. Your quote for Saturday, April 25th, 2026 "
            "is attached: ceremony in the walled garden and reception in the conservatory for 80 guests. We'll "
            "make sure there are plenty of gluten-free options for Jordan.",
        ),
        (
            P,
            "Hi Tessa, any questions on the £19,800 quote, just shout - happy to arrange a second look at the "
            "walled garden with Jordan.",
        ),
        ((WF,), "Hi Tessa, we'll make sure your own meal is gluten-free on the day."),
        ((WF,), "Hi Tessa, your quote for Saturday, April 18th, 2026 is attached."),
        ((NM, WF), "Hi Tessa and Jamie, your quote for April 25th, 2026 is attached."),
        (
            (IC, UC),
            "Hi Tessa, the quote includes the complimentary night in the bridal suite we talked about.",
        ),
    ],
)

# --- freight: two lanes, easy to swap -----------------------------------------------------------------
group(
    "freight-vidal",
    "Ines Vidal",
    [
        (
            "ines vidal, supply chain @ Solara Home. 2 lanes: Valencia->Lyon (12 FTL/mo) and Valencia->Milan (5 "
            "FTL/mo). wants tail-lift for Milan (no dock)",
            "2025-02-03T10:00:00",
        ),
        ("quoted ines: VLC-LYO €1,640/FTL, VLC-MIL €1,980/FTL", "2025-02-10T16:00:00"),
    ],
    "2025-02-11T09:00:00",
    [
        (
            P,
            "Hi Ines, a quick summary of our quote: Valencia to Lyon at €1,640 per full truckload and Valencia to "
            "Milan at €1,980, with tail-lift trucks on the Milan lane since there's no dock.",
        ),
        (
            P,
            "Hi Ines, happy to walk you through the numbers on both lanes whenever suits - the twelve Lyon loads "
            "and five Milan loads a month.",
        ),
        ((WF,), "Hi Ines, our quote: Valencia to Lyon at €1,980 per truckload and Valencia to Milan at €1,640."),
        ((WF,), "Hi Ines, we'll put tail-lift trucks on the Lyon lane since there's no dock there."),
        ((WF,), "Hi Ines, we can comfortably handle your 12 loads a month to Milan."),
    ],
)

# --- veterinary supplies: flood moved the demo -------------------------------------------------------
group(
    "vet-olsen",
    "Margaret Olsen",
    [
        (
            "maggie olsen (margaret), Pine Hill Vet - monthly reorder: 30 boxes sterile surgical gloves sz 7, 12 "
            "boxes Vicryl 3-0 sutures. interested in digital dental x-ray, budget 15k",
            "2025-04-01T10:00:00",
        ),
        (
            "maggie - demo of VetRay DR sensor booked 4/24 2pm. her practice partner Dr. Hugo Brandt will join",
            "2025-04-08T12:00:00",
        ),
        ("maggie's clinic closed 4/21-4/25 for flooding!! demo moved to 5/6 2pm", "2025-04-15T09:00:00"),
    ],
    "2025-04-16T09:00:00",
    [
        (
            P,
            "Hi Maggie, so sorry to hear about the flooding at Pine Hill - hope the clean-up goes smoothly. We're "
            "all set for the VetRay demo on May 6th at 2pm with you and Dr. Brandt.",
        ),
        (
            P,
            "Maggie, no need to think about the reorder this week. When you're back up and running I'll make sure "
            "the gloves and Vicryl are ready to go.",
        ),
        ((WF,), "Hi Maggie, see you and Dr. Brandt for the VetRay demo on April 24th at 2pm."),
        (
            (IA,),
            "Hi Maggie, sorry about the flood! Silver lining: it's the perfect time to upgrade - the VetRay "
            "sensor is 10% off if you sign this week.",
        ),
        ((WF,), "Hi Maggie, your monthly reorder of Vicryl 4-0 is ready whenever you are."),
        ((NM,), "Dear Margaret Olsen DVM, we look forward to your VetRay demonstration."),
    ],
)

# --- print shop: coasters ------------------------------------------------------------------------------
group(
    "print-hayes",
    "Darnell Hayes",
    [
        (
            "darnell hayes, Brew Brothers taproom. 5,000 coasters, 4-colour, 3.5in round, 2 designs. needs by "
            "july 3 for 4th of july party",
            "2025-06-16T11:00:00",
        ),
        ("proof sent to darnell. he wants logo bigger on design B", "2025-06-18T10:00:00"),
        ("darnell approved revised proof. paid. ship by 6/30", "2025-06-20T15:00:00"),
    ],
    "2025-06-21T09:00:00",
    [
        (
            P,
            "Hi Darnell, thanks for approving the revised proof - the bigger logo on design B looks great. Your "
            "5,000 coasters will ship by June 30th, in time for the Fourth of July party.",
        ),
        (P, "Darnell, payment received, thank you! The coasters are in the print queue."),
        ((WF,), "Hi Darnell, your 5,000 square coasters will ship by June 30th."),
        ((WF,), "Hi Darnell, thanks for approving the proof with the bigger logo on design A."),
        ((IC,), "Hi Darnell, as promised, we've upgraded you to the thicker board at no charge."),
    ],
)

# --- pharma: email only, no drop-ins -------------------------------------------------------------------
group(
    "pharma-osei",
    "Samuel Osei",
    [
        (
            "dr samuel osei, cardiology @ Mercy. interested in Cardivex data for HFrEF. prefers email, asked me "
            "NOT to drop by the clinic unannounced",
            "2025-05-05T10:00:00",
        ),
        ("emailed osei the Cardivex HFrEF subgroup analysis", "2025-05-20T09:00:00"),
    ],
    "2025-06-03T09:00:00",
    [
        (
            P,
            "Dr. Osei, following up by email on the Cardivex HFrEF subgroup analysis I sent on May 20th. Happy "
            "to answer any questions here.",
        ),
        (
            (CP, NC),
            "Dr. Osei, I'll swing by the clinic on Thursday afternoon with the Cardivex subgroup data - see you then!",
        ),
        ((WF,), "Dr. Osei, did you get a chance to look at the Cardivex HFpEF subgroup analysis?"),
    ],
)


def more(gid: str, extra: list[tuple[Any, ...]]) -> None:
    """More cases for an already defined group."""
    for name, _, _, _, case_list in GROUPS:
        if name == gid:
            case_list.extend(extra)
            return
    raise KeyError(gid)


# --- dental supplies: "please stop contacting me" and a colleague who is fine ------------------------
group(
    "dental-fox-price",
    "Owen Price",
    [
        (
            "Harriet Fox",
            "harriet fox, practice mgr @ Brookside Dental. ordering impression material + prophy paste. wants "
            "better pricing than Henry Schein",
            "2025-09-01T10:00:00",
        ),
        (
            "Harriet Fox",
            "harriet: 'please stop contacting me, we've signed with Henry Schein for 2 yrs'",
            "2025-09-15T12:00:00",
        ),
        (
            "Owen Price",
            "owen price, Price Orthodontics - uses our clear aligner trays, 200/mo. wants quote on retainer "
            "material too. prefers text to calls",
            "2025-09-16T15:00:00",
        ),
        ("Owen Price", "sent owen retainer material quote $4.10/sheet for 500 sheets", "2025-09-22T11:00:00"),
    ],
    "2025-09-25T09:00:00",
    [
        (
            (NC,),
            "Hi Harriet, we've just dropped our prophy paste prices - would love a chance to beat your current "
            "supplier.",
            {"client": "Harriet Fox"},
        ),
        (
            (NC,),
            "Hi Harriet, hope the switch has gone smoothly! If anything's not right, we're here.",
            {"client": "Harriet Fox"},
        ),
        (P, "Hi Owen, any questions on the retainer material quote ($4.10 a sheet for 500 sheets), just text me."),
        (
            P,
            "Owen, thanks for sticking with our aligner trays. Happy to bundle the retainer sheets into your "
            "monthly order if that's easier.",
        ),
        ((WF,), "Hi Owen, any questions on the retainer quote at $4.01 a sheet, just text me."),
        ((NM,), "Hi Harriet, any questions on the retainer material quote, just text me."),
    ],
)

# --- more truthful drafts (loose paraphrase, nicknames, arithmetic, kind notes) and a few planted ones --
more(
    "saas-halvorsen",
    [
        (
            P,
            "Hi Ingrid, good luck with the security review on the 12th. If Tomasz wants our Azure AD SAML set-up "
            "notes in advance, I can send them today.",
        )
    ],
)
more(
    "wine-moreau",
    [(P, "Lucien, no problem at all moving the Sancerre to the 22nd - hope the kitchen work wraps up soon.")],
)
more(
    "dental-nakamura",
    [
        (
            P,
            "Ken, just checking the ClearBond trial is going smoothly next to the Filtek - happy to drop off more "
            "syringes if you need them.",
        )
    ],
)
more("cars-delgado", [(P, "Hi Marisol, happy to put our numbers side by side with the Honda quote whenever you like.")])
more(
    "wedding-sharma",
    [
        (
            P,
            "Priyanka, so glad you and Owen chose the orchard lawn! Looking forward to the walkthrough on the 30th of August.",
        ),
        ((UC,), "Hi Priyanka, Owen's mum was lovely on the phone yesterday - the quartet idea is perfect."),
    ],
)
more(
    "freight-obi",
    [
        (
            P,
            "Hi Chidi, thanks to Funmi for covering while you were away. Let me know when suits to talk about "
            "moving beyond the two trial loads.",
        )
    ],
)
more(
    "solar-brennan",
    [(P, "Siobhan, just so you have it in writing: panels only, 8.2 kW, €9,750 after the grant. Talk on the 1st.")],
)
more("solar-gallagher", [(P, "Maeve, I'm so sorry. Take all the time you need.")])
more(
    "furniture-lindqvist",
    [(P, "Astrid, the ottoman can be done in the same moss velvet so everything matches. Quote coming shortly.")],
)
more(
    "pharma-riverside",
    [
        (
            P,
            "Dr. Patel, thanks for the feedback on the pen. I'll come by on a Tuesday or Thursday after 4 with the "
            "starter kits - just tell me which suits.",
        )
    ],
)
more("recruit-pike", [(P, "Graham, thinking of you and the team this week. Talk in Q1.")])
more(
    "lube-brandt",
    [((UC,), "Hi Walter, thanks for the tour of the Kessler plant last week! Any thoughts on the HydraMax trial?")],
)
more(
    "boats-tanner",
    [
        (
            P,
            "Bill, hope the ice is starting to go out up there. The 1875 is ready whenever you want to get it wet in May.",
        )
    ],
)
more(
    "kitchen-castellano",
    [(P, "Bobby, a reminder the V6B36 comes to $4,650 installed, on your natural gas line. See you Monday the 17th.")],
)
more(
    "payroll-tanabe",
    [
        (
            P,
            "Hi Yuki, no rush on the decision - just keep the October 1 ADP renewal in mind. Happy to help Marcus "
            "with the T4 questions any time.",
        )
    ],
)
more(
    "gym-lima",
    [
        (
            P,
            "Hi Mateus, twelve T9s for the new site, screen-free, with the 5-year parts warranty - volume pricing "
            "by Friday.",
        ),
        ((UC,), "Mateus, thanks again for the tour of the Campinas site - it's going to be a great gym."),
    ],
)
more(
    "av-zielinski",
    [
        (
            P,
            "Hi Hannah, thanks for the heads-up on the new date. Same Hilton ballroom, just a week later - no "
            "problem on our side.",
        )
    ],
)
more(
    "jewel-bennett",
    [
        (
            P,
            "Oliver, I think Rachel will love it. And the white gold we use is nickel-free, so no worries about her allergy.",
        )
    ],
)
more(
    "hvac-raman",
    [(P, "Deepa, the repair-versus-replace numbers for Building B will come with the quarterly maintenance quote.")],
)
more(
    "wine-ferri",
    [(P, "Marco, for the summer I'd suggest we hold your ten cases of DOCG now and deliver in May - let me know.")],
)
more("books-nwosu", [(P, "Amara, whatever you and Dr. Lopez decide by April 15th, thanks for giving StatLab a look.")])
more(
    "cowork-achebe",
    [(P, "Sam, totally understand wanting more flexibility with a 6-month term. I'll confirm the pricing shortly.")],
)
more(
    "piano-petrova",
    [(P, "Elena, the satin walnut U1 is lovely in person - much softer than the polished ebony. Come by any time.")],
)
more(
    "seed-sorensen",
    [
        (
            P,
            "Hank, mid-April delivery is on track for the AgriMax. Say the word if you want it dropped at a different yard.",
        )
    ],
)
more(
    "training-dubois",
    [(P, "Patrice, merci! The eight French-speaking participants will have their materials in French.")],
)
more(
    "ev-asante",
    [
        (
            P,
            "Kwame, good luck at the board meeting on the 18th. If they have questions about the 800A panel "
            "upgrade, I'm happy to join by phone.",
        )
    ],
)
more("mattress-mendez", [(P, "Hi Gloria, just wanted you to know I'm thinking of you both. No reply needed.")])
more(
    "tiles-karimi",
    [
        (P, "Ahmed, we can schedule the install any time after April 20th - just let me know what suits."),
        ((UC,), "Ahmed, great to see the kitchen in person on Saturday - the 60x120 will look fantastic."),
    ],
)
more(
    "florist-holloway",
    [(P, "Bea, your Valentine's delivery is now on the 11th at 6am - a day earlier than first planned.")],
)
more(
    "catering-eriksen",
    [(P, "Jonas, whenever you're ready, the deposit link is in your inbox - no rush.", {"at": "2025-11-21T10:00:00"})],
)
more(
    "crm-park-menon",
    [
        (
            P,
            "Ravi, the benchmark showed about a two-minute sync lag with HubSpot. Happy to show it live on your "
            "reps' pipeline.",
            {"client": "Ravi Menon"},
        )
    ],
)
more(
    "pool-greene",
    [(P, "Roz, saltwater it is, and no diving board. We'll confirm the dig date once the permit comes through.")],
)
more("scrubs-kovalenko", [(P, "Oksana, thanks for the update. Ceil blue across the board for all 400 nurses - noted.")])
more(
    "lease-whitfield",
    [(P, "Gary, your Q5 lease wraps up on October 31st, so Saturday is good timing to look at the Sportback.")],
)
more(
    "wedding-morgan",
    [(P, "Hi Tessa, it was lovely to show you and Jordan around. The walled garden in April should be beautiful.")],
)
more(
    "freight-vidal",
    [(P, "Ines, noted there's no dock at the Milan site, so every Milan load will go on a tail-lift truck.")],
)
more(
    "vet-olsen",
    [(P, "Maggie, no worries at all about the demo moving to May 6th. Hope Pine Hill is back to normal soon.")],
)
more(
    "print-hayes", [(P, "Darnell, the coasters will be with you in good time for the Fourth. Cheers to Brew Brothers!")]
)
more(
    "pharma-osei",
    [
        (
            P,
            "Dr. Osei, since you prefer email I'll keep our conversation here. Let me know if the HFrEF subgroup "
            "data raises any questions.",
        )
    ],
)


def cases() -> list[dict[str, Any]]:
    """Every case as the runner's JSON object."""
    out: list[dict[str, Any]] = []
    for gid, default_client, raw_notes, default_at, raw_cases in GROUPS:
        notes = []
        for i, raw in enumerate(raw_notes, 1):
            client, text, at = raw if len(raw) == 3 else (default_client, *raw)
            notes.append({"id": f"{gid}-n{i}", "client": client, "text": text, "at": at})
        for i, raw in enumerate(raw_cases, 1):
            kinds, text = raw[0], raw[1]
            extra: dict[str, str] = raw[2] if len(raw) > 2 else {}
            case: dict[str, Any] = {
                "id": f"{gid}-{i:02d}",
                "group": gid,
                "client": extra.get("client", default_client),
                "notes": notes,
                "text": text,
                "at": extra.get("at", default_at),
                "expect": "flag" if kinds else "pass",
                "kinds": list(kinds),
            }
            if kinds:
                case["severity"] = "warn" if kinds[0] in WARN_KINDS else "block"
            out.append(case)
    return out


def write(path: Path = JSONL) -> int:
    rows = cases()
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)


if __name__ == "__main__":
    from collections import Counter

    n = write()
    rows = cases()
    print(f"wrote {n} cases to {JSONL}")
    print(dict(Counter(r["expect"] for r in rows)))
    print(dict(Counter(r["kinds"][0] for r in rows if r["kinds"])))
