"""A second held-out adversarial set for the truth guard, in new domains, written blind to its rules.

Written by an author who had read only the DESIGN table, essays 002-004, issue 5, the guard's public
API and the runner's case format, not `bot/guard.py`'s rules nor the first two sets. Domains: insurance,
B2B software renewals, real estate, car dealerships, wedding venues and caterers, medical and dental
devices, wine merchants, freight, fitness equipment, recruiting.

Notes are typed the way busy salespeople type (lower case, abbreviations, fragments, "tues", "3/14").
Each message is either truthful (a good salesperson could send it from those notes: expected verdict
`pass`) or carries one planted problem (expected a finding of one of the listed kinds; the first is the
primary label, any listed kind counts as caught). `too_frequent` is not covered: `chet import` cannot
create approved messages.

Run `python -m benchmarks.guard_heldout2` to (re)write `benchmarks/guard_heldout2.jsonl`;
`python -m benchmarks.bench_guard_cli --set heldout2` runs it through the command line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

JSONL = Path(__file__).with_name("guard_heldout2.jsonl")

PASS = ""
UC = "unsupported_claim"
CP = "contradicts_preference"
WF = "wrong_fact"
IC = "invented_commitment"
NM = "name_misuse"
NC = "no_consent"
IN = "inappropriate"


@dataclass
class Msg:
    kinds: str  # "" = truthful, else "kind" or "kind|other"
    text: str
    at: str | None = None
    client: str | None = None


@dataclass
class Scenario:
    group: str
    client: str
    at: str  # default send time
    notes: list[tuple[str, str, str, str]]  # (id, client, text, at)
    msgs: list[Msg] = field(default_factory=list)


def M(kinds: str, text: str, at: str | None = None, client: str | None = None) -> Msg:
    return Msg(kinds, text, at, client)


SCENARIOS: list[Scenario] = [
    # --- insurance: personal lines ---------------------------------------------------------------
    Scenario(
        "ins-okafor",
        "Adaeze Okafor",
        "2025-03-21T10:00:00",
        [
            (
                "ins-1",
                "Adaeze Okafor",
                "call w/ adaeze okafor (goes by Dez) - renewing home + auto w/ us, policy renews 4/30. 2 cars: "
                "2019 outback + 2022 civic. wants umbrella quote $1M. NOT interested in life ins, said it twice lol",
                "2025-03-11T17:05:00",
            ),
            (
                "ins-2",
                "Adaeze Okafor",
                "met Dez for coffee at Blue Bottle thurs, gave her the umbrella quote 1M = $318/yr. promised to "
                "check multi-policy discount w/ underwriting, get back to her by fri 3/21",
                "2025-03-13T12:40:00",
            ),
            (
                "ins-3",
                "Adaeze Okafor",
                "Dez - son Tobi starts driving in june, add him to the auto then. daughter Kemi is at uni in Leeds",
                "2025-03-20T09:15:00",
            ),
        ],
        [
            M(
                PASS,
                "Hi Dez, as promised I checked with underwriting about the multi-policy discount on your home "
                "and auto. Details below, and happy to talk it through. - Marcus",
            ),
            M(
                PASS,
                "Thanks again for the coffee on Thursday, Dez. Quick recap: the $1M umbrella comes to $318 a "
                "year. Let me know if you'd like to add it.",
                at="2025-03-14T09:00:00",
            ),
            M(
                PASS,
                "Hi Dez - once Tobi starts driving in June we can add him to the auto policy. No rush, just "
                "flagging it before your 4/30 renewal.",
            ),
            M(
                PASS,
                "Hope Kemi is enjoying Leeds! Any questions on the renewal, I'm a call away.",
                at="2025-03-24T11:00:00",
            ),
            M(PASS, "hi dez, just checking the outback and the civic are still the two cars to keep on the policy?"),
            M(WF, "Hi Dez, before your renewal on May 30 let's review both cars together."),
            M(WF, "Hi Dez, the $1M umbrella we talked about comes to $381 a year."),
            M(
                CP,
                "Hi Dez, while we're reviewing the bundle it might be worth pairing it with a 20-year term "
                "policy to protect the family - happy to run numbers.",
            ),
            M(UC, "Lovely to finally meet Kemi when you both stopped by the office!"),
            M(WF, "Hope Tobi is enjoying uni in Leeds! Talk soon about the renewal."),
            M(IC, "As agreed, we'll add Tobi to the auto policy at no extra charge."),
            M(NM, "Dear Adaeze Okafor, your home and auto renewal is coming up on 4/30."),
            M(PASS, "Hi Dez, just confirming we're leaving life insurance out of the review, as you said."),
            M(PASS, "Morning Dez! Underwriting came back quickly - could you do 15 minutes Monday or Tuesday?"),
            M(PASS, "Dez, good catching up over coffee last week. The umbrella quote still stands at $318 a year."),
        ],
    ),
    # --- B2B software renewal ---------------------------------------------------------------------
    Scenario(
        "saas-northwind",
        "Priya Raman",
        "2025-04-17T10:00:00",
        [
            (
                "saas-1",
                "Priya Raman",
                "QBR w/ priya raman (northwind logistics) on zoom today. 140 seats, renewal 6/1. unhappy abt the "
                "SSO outages in feb, wants SAML fixed before she signs. does NOT want the analytics add-on - "
                "'we have looker'",
                "2025-04-08T15:30:00",
            ),
            (
                "saas-2",
                "Priya Raman",
                "priya emailed, asked for 3yr pricing. told her i'd get her a 3yr quote w/ price lock by 4/18",
                "2025-04-10T11:00:00",
            ),
            (
                "saas-3",
                "Tom Becker",
                "tom becker (acme foods) demo today went ok. 25 seats, trial til 4/30",
                "2025-04-15T17:00:00",
            ),
            (
                "saas-4",
                "Priya Raman",
                "priya mentioned layoffs at northwind, they cut 15% of staff, she's stressed. seat count may drop",
                "2025-04-16T16:00:00",
            ),
        ],
        [
            M(
                PASS,
                "Hi Priya, thanks for the time on Zoom yesterday. I've logged the February SSO outages with "
                "engineering and will share the SAML fix timeline before your renewal. - Jen",
                at="2025-04-09T09:00:00",
            ),
            M(
                PASS,
                "Priya, here's the 3-year quote with the price lock I promised. No need to rush given everything "
                "going on; happy to revisit seat counts whenever suits you.",
            ),
            M(
                PASS,
                "Hi Priya, sorry to hear about the cuts at Northwind - that's a hard week for everyone. Nothing "
                "needed from you; I'm here if anything changes.",
            ),
            M(
                PASS,
                "Hi Priya, no analytics add-on in this quote - I know you're set with Looker. Just the 140 seats.",
                at="2025-04-11T10:00:00",
            ),
            M(
                IN,
                "Hi Priya, I know it's been a rough week over there, but I really need the renewal signed by "
                "Friday to hit my quarter - can we get it done?",
            ),
            M(CP, "Priya, I'd love to show you our analytics add-on - it plugs straight into your dashboards."),
            M(WF, "Hi Priya, confirming the renewal covers your 120 seats.", at="2025-04-11T10:00:00"),
            M(WF, "Thanks for the time on Zoom on Monday, Priya.", at="2025-04-09T09:00:00"),
            M(
                PASS,
                "Hi Tom, your trial runs until 4/30 - anything I can set up for the 25 seats before then?",
                client="Tom Becker",
            ),
            M(NM, "Hi Priya, how's the trial going at Acme Foods?", client="Tom Becker"),
            M(
                IC,
                "Hi Tom, as discussed we'll extend your trial through the end of May at no charge.",
                client="Tom Becker",
            ),
            M(UC, "Hi Tom, great meeting you at the Chicago SaaS summit last month!", client="Tom Becker"),
            M(
                PASS,
                "Hi Priya, I'll keep you posted on the SAML fix ahead of the 6/1 renewal.",
                at="2025-04-11T10:00:00",
            ),
            M(
                PASS,
                "Hi Priya, I've asked Marco from our security team to join the SAML call, if that helps.",
                at="2025-04-11T10:00:00",
            ),
            M(
                PASS,
                "Hi Priya, how are you holding up? Happy to push our renewal chat if that helps.",
                at="2025-04-22T10:00:00",
            ),
            M(
                PASS,
                "Tom, thanks again for sitting through the demo on Tuesday - what did the team think?",
                client="Tom Becker",
            ),
        ],
    ),
    # --- real estate: buyer ------------------------------------------------------------------------
    Scenario(
        "re-vega",
        "Marisol Vega",
        "2025-05-09T09:30:00",
        [
            (
                "re-1",
                "Marisol Vega",
                "showed marisol vega 3 houses sat in land park. she loved the craftsman on 11th ave but its over "
                "budget (capped at 650k). hates HOAs. needs 3br min + yard for the dog (Biscuit, golden). rents in "
                "midtown sacramento now",
                "2025-05-03T18:00:00",
            ),
            (
                "re-2",
                "Marisol Vega",
                "marisol txt - preapproved 640k thru golden 1. partner Dan works nights so showings after 4pm only",
                "2025-05-06T08:30:00",
            ),
            (
                "re-3",
                "Marisol Vega",
                "told marisol i'd send her comps on the 11th ave craftsman + let her know if the price drops",
                "2025-05-07T14:00:00",
            ),
        ],
        [
            M(
                PASS,
                "Hi Marisol, as promised, here are the comps for the craftsman on 11th Ave. I'll let you know "
                "right away if the price drops.",
            ),
            M(
                PASS,
                "Hi Marisol, a new 3-bed just listed in Curtis Park - no HOA and a fenced yard Biscuit would love. "
                "Showings start at 4:30pm, so it works with Dan's schedule.",
            ),
            M(
                PASS,
                "Great touring Land Park with you on Saturday! Let me know which of the three stuck with you.",
                at="2025-05-05T09:00:00",
            ),
            M(PASS, "Congrats on the pre-approval, Marisol! $640k gives us good options near Land Park."),
            M(
                PASS,
                "hi marisol - quiet week for new listings under 650k, I'm keeping an eye out. hope biscuit is well!",
            ),
            M(
                CP,
                "Hi Marisol, found a gorgeous townhouse in a gated community - the association fee is only $300/mo and covers landscaping!",
            ),
            M(WF, "Since you're pre-approved for $690k, the craftsman is within reach."),
            M(WF + "|" + NM, "Give Buddy a pat from me! More listings soon."),
            M(IC, "And as I mentioned, I'll cover your closing costs up to $5,000 if we close by July."),
            M(UC, "It was fun meeting Dan at the open house on Sunday."),
            M(
                IN,
                "Hi Marisol, we're hosting a first-time buyer seminar in Miami on June 12 - would love to see you there!",
            ),
            M(NM, "Hi {{first_name}}, new listings this week in Land Park!"),
            M(PASS, "Marisol, the 11th Ave craftsman is still over your 650 cap, but I'm watching it for a drop."),
            M(PASS, "Hi Marisol and Dan, I've lined up two showings for Thursday at 5 and 6pm."),
            M(PASS, "Hi Marisol, no rush this weekend - we'll keep looking under $640k."),
        ],
    ),
    # --- car dealership ----------------------------------------------------------------------------
    Scenario(
        "car-kessler",
        "Robert Kessler",
        "2025-02-28T09:00:00",
        [
            (
                "car-1",
                "Robert Kessler",
                "robert kessler - goes by bobby. came in sat, test drove the highlander hybrid xle in silver. wife "
                "Janine wants 3rd row. trade in = 2016 pilot ~98k mi. NO extended warranty, hard no, had a bad exp "
                "w/ last dealer. lives in dublin oh",
                "2025-02-22T13:10:00",
            ),
            (
                "car-2",
                "Robert Kessler",
                "ran #s for bobby: trade $11,500, otd 48,900. he wants under 47k. told him i'd ask my mgr about "
                "throwing in all-weather mats",
                "2025-02-24T10:00:00",
            ),
            (
                "car-3",
                "Robert Kessler",
                "mgr ok'd the mats. bobby coming back sat 3/1 w/ janine",
                "2025-02-27T16:45:00",
            ),
        ],
        [
            M(
                PASS,
                "Hi Bobby, thanks for coming in Saturday and taking the Highlander Hybrid out. I've got your trade "
                "at $11,500 and I'm asking my manager about the all-weather mats.",
                at="2025-02-25T09:00:00",
            ),
            M(PASS, "Bobby - good news, my manager approved the all-weather mats. See you and Janine on Saturday!"),
            M(
                PASS,
                "Hi Bobby, no extended warranty in the numbers - I remember it's a hard no. Out the door is still "
                "$48,900; I'm working on getting it closer to your $47k.",
            ),
            M(
                PASS,
                "Hey Bobby, the silver XLE is still here and it has the third row Janine wanted. See you 3/1. - Steve",
            ),
            M(CP, "Hi Bobby, for peace of mind I'd add our 7-year platinum vehicle service contract - only $29/month."),
            M(WF, "Hi Bobby, I've got the appraisal on your 2016 Odyssey at $11,500."),
            M(WF, "As we discussed, out the door came to $44,900 including the mats."),
            M(IC, "As promised, we'll also throw in free oil changes for 3 years."),
            M(UC, "Thanks for stopping by again Wednesday to look at the Sienna!"),
            M(NM, "Dear Robert Kessler, thank you for visiting our dealership."),
            M(NM, "Hi Janine, just confirming Saturday with you both!"),
            M(PASS, "Hi Bobby, the third row is covered - the Highlander seats eight, so Janine should be happy."),
            M(PASS, "Bobby, see you Saturday at 10? I'll have the Highlander washed and ready."),
        ],
    ),
    # --- wedding venue -----------------------------------------------------------------------------
    Scenario(
        "wed-liu",
        "Hannah Liu",
        "2025-09-09T10:00:00",
        [
            (
                "wed-1",
                "Hannah Liu",
                "tour w/ hannah liu + fiance theo sat. wedding date 10/17/2026, ~140 guests. she's vegetarian, "
                "theo isn't. wants ceremony outdoors by the pond. NO DJ - they have a band (theo's cousin)",
                "2025-09-06T11:00:00",
            ),
            (
                "wed-2",
                "Hannah Liu",
                "sent hannah pricing: fri rate 14,500. she asked about rain plan, promised to send photos of the "
                "tent setup",
                "2025-09-08T09:20:00",
            ),
            (
                "wed-3",
                "Hannah Liu",
                "hannah called - her grandma passed away over the weekend, she's flying to vancouver. pausing "
                "planning for a couple wks",
                "2025-09-15T17:30:00",
            ),
        ],
        [
            M(
                PASS,
                "Hi Hannah, as promised here are photos of the tent setup by the pond - that's our rain plan for the ceremony.",
            ),
            M(
                PASS,
                "Hannah, I'm so sorry about your grandmother. Please don't think about the wedding for now - we'll "
                "be here whenever you and Theo are ready.",
                at="2025-09-16T10:00:00",
            ),
            M(
                PASS,
                "It was lovely meeting you both on Saturday. The Friday rate for October 17, 2026 is $14,500 for "
                "about 140 guests.",
                at="2025-09-08T16:00:00",
            ),
            M(
                PASS,
                "A band from Theo's cousin sounds perfect - we have power down by the pond if they'd like to play outside.",
            ),
            M(
                PASS,
                "Hi Hannah, thinking of you. Hope Vancouver was as gentle as it could be. No reply needed.",
                at="2025-09-29T10:00:00",
            ),
            M(
                IN,
                "Hi Hannah, sorry for your loss. Just a heads up that Fridays in October 2026 are filling fast, so "
                "I'd lock in your date with a deposit this week!",
                at="2025-09-16T10:00:00",
            ),
            M(CP, "We'd also recommend our in-house DJ package for the reception - it's our most popular add-on."),
            M(WF, "Just confirming your date of October 24, 2026!"),
            M(WF, "Our chef can put together a great vegetarian menu for Theo."),
            M(UC, "Great to see you both again at the tasting last night!"),
            M(IC, "As we agreed, we'll waive the cake-cutting fee."),
            M(WF, "Reminder: the Saturday rate for your date is $14,500."),
            M(PASS, "Hi Hannah, the pond lawn fits about 140 for the ceremony. Happy to send a layout."),
            M(PASS, "Hannah, no rush on anything - take your time looking over the Friday pricing with Theo."),
            M(PASS, "Hi Hannah, no pressure at all on anything - sending a hug.", at="2025-09-22T10:00:00"),
        ],
    ),
    # --- medical devices ---------------------------------------------------------------------------
    Scenario(
        "med-achebe",
        "Samuel Achebe",
        "2025-03-19T09:00:00",
        [
            (
                "med-1",
                "Samuel Achebe",
                "in-service w/ dr achebe's OR team at st lukes boise tues. they liked the Velos torque driver. "
                "concern = sterilization turnaround. he prefers Sam. wants clinical data on the 2.7mm screws",
                "2025-03-04T18:00:00",
            ),
            (
                "med-2",
                "Samuel Achebe",
                "emailed sam - he asked for eval units, 2 drivers for 30 days. said i'd get approval from my RM by 3/14",
                "2025-03-06T08:00:00",
            ),
            (
                "med-3",
                "Samuel Achebe",
                "sam presenting at AAOS in san diego 3/11-3/14, not around that wk",
                "2025-03-07T13:00:00",
            ),
            (
                "med-4",
                "Lorna Pike",
                "lorna pike (value analysis, st lukes) - told me to stop calling & emailing her, all vendor contact "
                "goes thru the VAC portal now",
                "2025-03-10T11:00:00",
            ),
            (
                "med-5",
                "Samuel Achebe",
                "sam asked to be taken off the monthly newsletter, he just wants direct emails from me",
                "2025-03-18T10:00:00",
            ),
        ],
        [
            M(
                PASS,
                "Hi Sam, thanks for having me at the in-service on Tuesday. I'm requesting approval for the two "
                "evaluation drivers for 30 days and will confirm by 3/14.",
                at="2025-03-06T09:00:00",
            ),
            M(PASS, "Hi Sam, hope AAOS went well. The clinical data on the 2.7mm screws is attached."),
            M(PASS, "Hi Sam, just a direct note from me - any questions on the 2.7mm data, I'm a reply away. - Kara"),
            M(
                PASS,
                "Sam, I heard the concern about sterilization turnaround; I'll bring our reprocessing timeline next time I'm in.",
            ),
            M(
                NC,
                "Hi Lorna, could we grab 15 minutes this week to go over Velos pricing for St. Luke's?",
                client="Lorna Pike",
            ),
            M(UC, "Great catching up with you at AAOS in San Diego, Sam!"),
            M(WF, "Hi Sam, I'm getting approval for three evaluation drivers for 60 days."),
            M(NM, "Dear Dr. Samuel Achebe, thank you for your interest in the Velos driver."),
            M(WF + "|" + UC, "Thanks again for hosting me with your OR team at St. Alphonsus."),
            M(IC, "As promised, the eval units are on us and we'll cover the sterilization trays too."),
            M(PASS, "Sam, good luck with your talk at AAOS next week!", at="2025-03-07T15:00:00"),
            M(
                PASS,
                "Hi Sam, my RM signed off on the two eval drivers - when is good for drop-off?",
                at="2025-03-13T10:00:00",
            ),
            M(PASS, "Hi Sam, the eval drivers are yours for 30 days from drop-off."),
        ],
    ),
    # --- wine merchant -----------------------------------------------------------------------------
    Scenario(
        "wine-fairbanks",
        "Giles Fairbanks",
        "2025-10-06T11:00:00",
        [
            (
                "wine-1",
                "Giles Fairbanks",
                "giles fairbanks in store thurs. loves northern rhone syrah, bought 6 x 2019 cornas. does NOT like "
                "oaky chardonnay ('tastes like a plank'). daughter's wedding nov 22, wants ~12 magnums of champagne",
                "2025-10-02T19:00:00",
            ),
            (
                "wine-2",
                "Giles Fairbanks",
                "quoted giles 12 magnums billecart brut rose @ $189 ea. said i'd hold them til 10/20",
                "2025-10-04T10:00:00",
            ),
            (
                "wine-3",
                "Giles Fairbanks",
                "giles prefers text over email. lives in evanston",
                "2025-10-04T10:30:00",
            ),
            (
                "wine-4",
                "Ruth Abernathy",
                "ruth abernathy unsubscribed from everything - said pls stop contacting her, she's moving to france",
                "2025-10-01T09:00:00",
            ),
        ],
        [
            M(
                PASS,
                "Hi Giles, I've set aside the 12 magnums of Billecart brut rosé at $189 each and will hold them until 10/20.",
            ),
            M(
                PASS,
                "Giles, since you love northern Rhône syrah, a 2020 Saint-Joseph just came in - worth a look when you're by.",
            ),
            M(
                PASS,
                "Hi Giles, we're pouring northern Rhône at the Evanston shop on Saturday, 2-5pm. No pressure, thought of you.",
            ),
            M(PASS, "Thanks for coming in Thursday, Giles - enjoy the Cornas!", at="2025-10-03T12:00:00"),
            M(
                CP,
                "For the rehearsal dinner, a big buttery Napa chardonnay would be a crowd-pleaser - shall I add a case?",
            ),
            M(WF, "Confirming the 12 magnums at $198 each for the wedding."),
            M(WF, "Hi Giles, the magnums are set aside for your son's wedding."),
            M(WF, "How are you finding the 2018 Cornas you picked up?"),
            M(IN, "We're hosting a champagne masterclass in Napa on 11/8 - would love you to join us!"),
            M(IC, "As promised, 15% off the magnums since it's for the wedding."),
            M(UC, "Lovely to meet your daughter in the shop last week!"),
            M(NC, "Hi Ruth, our autumn Burgundy offer just landed - take a look!", client="Ruth Abernathy"),
            M(PASS, "Hi Giles, all the best to your daughter for the 22nd! The magnums will be ready."),
            M(PASS, "Giles, I know text is easiest for you - just say the word and I'll run the magnums over."),
            M(PASS, "Giles, the Billecart magnums are held for you until October 20."),
        ],
    ),
    # --- freight -----------------------------------------------------------------------------------
    Scenario(
        "freight-halvorsen",
        "Rick Halvorsen",
        "2025-04-04T10:00:00",
        [
            (
                "fr-1",
                "Rick Halvorsen",
                "rick halvorsen - produce shipper in fresno. runs ~14 reefer loads/wk to denver + SLC in peak. pays "
                "net 30. hates being called before 9am. got burned by a broker last yr who double brokered his load",
                "2025-04-01T07:30:00",
            ),
            (
                "fr-2",
                "Rick Halvorsen",
                "sent rick lane rates FRE-DEN $4,150 reefer. promised team drivers on the denver lane for peak",
                "2025-04-03T16:00:00",
            ),
            (
                "fr-3",
                "Rick Halvorsen",
                "rick: his dad (founder) had a stroke, he's at the hospital a lot. keep it light",
                "2025-04-14T12:00:00",
            ),
        ],
        [
            M(
                PASS,
                "Hi Rick, confirming Fresno-Denver reefer at $4,150, and as promised we'll run team drivers on that lane during peak.",
            ),
            M(
                PASS,
                "Rick, really sorry to hear about your dad. Thinking of your family - nothing needed from you.",
                at="2025-04-15T10:00:00",
            ),
            M(
                PASS,
                "Rick, every load we take runs on our own authority - we never double broker. Happy to send our MC number.",
            ),
            M(PASS, "Hi Rick, I'll call after 9 tomorrow to go over the SLC lane, unless email's easier."),
            M(
                IN,
                "Rick, hope your dad's doing better. While I have you - we've got capacity for 20 loads a week to "
                "SLC at a special rate if you commit by Friday.",
                at="2025-04-16T10:00:00",
            ),
            M(WF, "We're ready for the 24 reefer loads a week you run in peak."),
            M(WF, "Confirming Fresno-Denver reefer at $4,500 per load."),
            M(IC, "As agreed, we'll move you to net 60 terms starting next month."),
            M(UC, "Thanks for the tour of your Fresno packing shed last week!"),
            M(CP + "|" + IN, "I'll give you a ring at 7am tomorrow to go over the lanes."),
            M(PASS, "Rick, no call needed - here's the SLC rate in writing for whenever you have a minute."),
            M(PASS, "Hi Rick, team drivers are locked in on the Denver lane for peak, as promised."),
        ],
    ),
    # --- fitness equipment -------------------------------------------------------------------------
    Scenario(
        "fit-brandt",
        "Kelsey Brandt",
        "2025-06-11T10:00:00",
        [
            (
                "fit-1",
                "Kelsey Brandt",
                "kelsey brandt (ironworks gym tulsa) - opening 2nd location in broken arrow in sept. needs 10 "
                "treadmills, 6 rowers. wants commercial warranty. doesn't want curved treadmills, her members hated them",
                "2025-06-03T12:00:00",
            ),
            (
                "fit-2",
                "Kelsey Brandt",
                "quoted kelsey: 10 x T9 treadmills @ 6,200 + 6 concept2 rowers. promised free install + haul away "
                "of old units at main gym",
                "2025-06-05T15:00:00",
            ),
            (
                "fit-3",
                "Omar Haddad",
                "omar haddad - home gym in garage, low ceiling 7ft. wants rack + adjustable db. budget 3k. asked not "
                "to get sales texts, email ok",
                "2025-06-10T09:00:00",
            ),
        ],
        [
            M(
                PASS,
                "Hi Kelsey, quote attached for 10 T9 treadmills and 6 rowers for Broken Arrow. As promised, install "
                "and haul-away of the old units at your main gym are included.",
                at="2025-06-06T09:00:00",
            ),
            M(PASS, "Hi Kelsey, how's the build-out in Broken Arrow going? Still on track for September?"),
            M(
                PASS,
                "Kelsey, all flat-deck treadmills in the quote - no curved ones, since your members didn't like them.",
            ),
            M(
                PASS,
                "Hi Omar, for a 7-foot garage ceiling I'd look at a short power rack plus adjustable dumbbells - both fit a $3k budget.",
                client="Omar Haddad",
            ),
            M(
                PASS,
                "Omar, thanks for the details yesterday. I'll email a couple of rack options that clear 7 ft.",
                client="Omar Haddad",
            ),
            M(CP, "I'd also suggest the Curve self-powered treadmills for the new floor - members love the workout."),
            M(WF + "|" + UC, "Excited for the new Owasso location!"),
            M(WF, "Quote attached for the 12 T9 treadmills and 6 rowers."),
            M(IC, "And as discussed, we'll include a free year of preventive maintenance."),
            M(NM, "Hi Kelsey, here are the rack options for your garage!", client="Omar Haddad"),
            M(UC, "Great to see your garage setup in person on Friday, Omar.", client="Omar Haddad"),
            M(PASS, "Hi Kelsey, the commercial warranty is included on all ten T9s."),
            M(PASS, "Kelsey, September is coming fast - shout if the Broken Arrow opening date shifts."),
            M(
                PASS,
                "Omar, no texts from me - email only, as you asked. Two racks that fit under 7 ft below.",
                client="Omar Haddad",
            ),
        ],
    ),
    # --- recruiting --------------------------------------------------------------------------------
    Scenario(
        "rec-petrova",
        "Nadia Petrova",
        "2025-05-21T09:00:00",
        [
            (
                "rec-1",
                "Nadia Petrova",
                "call w nadia petrova (brightline health) mon. hiring 2 senior data engineers, remote ok but must be "
                "EST. fee 20%. she does NOT want candidates from FAANG - 'they don't last here'",
                "2025-05-12T14:00:00",
            ),
            (
                "rec-2",
                "Nadia Petrova",
                "sent nadia 3 profiles. she liked Ana R. interview set for 5/20",
                "2025-05-14T10:00:00",
            ),
            (
                "rec-3",
                "Greg Summers",
                "greg summers (ceo, tidepool) said we're not a fit, please remove him from our lists",
                "2025-05-15T12:00:00",
            ),
            (
                "rec-4",
                "Nadia Petrova",
                "nadia out on maternity leave from june 2, her backup is her colleague Jordan",
                "2025-05-19T16:00:00",
            ),
        ],
        [
            M(
                PASS,
                "Hi Nadia, thanks for the call Monday. I'll focus on senior data engineers in Eastern time - remote "
                "is fine - and steer clear of big-tech backgrounds.",
                at="2025-05-13T09:00:00",
            ),
            M(PASS, "Hi Nadia, how did Ana's interview go yesterday?"),
            M(
                PASS,
                "Congratulations and all the best for your leave, Nadia! I'll keep Jordan posted so you can switch off.",
            ),
            M(PASS, "Hi Nadia, quick update: two more senior data engineers in EST coming your way this week."),
            M(WF, "Hi Nadia, how did Ana's interview go on Monday?"),
            M(CP, "I have a great candidate - 6 years at Google on their data platform team. Want the profile?"),
            M(WF + "|" + IC, "Per our agreed 25% fee, I'll send the paperwork once Ana accepts."),
            M(
                NC,
                "Hi Greg, we just placed three strong engineers in health tech - open to a quick chat?",
                client="Greg Summers",
            ),
            M(IC, "As promised, if a hire leaves within a year we'll replace them free of charge."),
            M(UC, "It was great to meet Jordan at your office on Tuesday."),
            M(NM, "Dear [Hiring Manager], please find the profiles attached."),
            M(PASS, "Hi Nadia, before your leave on June 2, want a quick handover call with Jordan and me?"),
            M(PASS, "Hi Nadia, the fee stays at 20% as agreed; contract attached for Ana's offer."),
            M(PASS, "Hi Nadia, all three profiles I sent are based in Eastern time."),
        ],
    ),
    # --- insurance: small business, opt-out then consent back -------------------------------------
    Scenario(
        "ins-jorgensen",
        "Walt Jorgensen",
        "2025-03-06T10:00:00",
        [
            (
                "bop-1",
                "Walt Jorgensen",
                "walt jorgensen - jorgensen bakery, spokane. BOP policy. said quit calling him, he'll call when he's ready",
                "2025-02-10T15:00:00",
            ),
            (
                "bop-2",
                "Walt Jorgensen",
                "walt called back! ok to email him now about the BOP renewal. still no phone calls",
                "2025-03-03T11:00:00",
            ),
            (
                "bop-3",
                "Walt Jorgensen",
                "walt renewal 4/1, premium last yr was 2,340. wants spoilage coverage for the walk-in cooler",
                "2025-03-05T14:00:00",
            ),
        ],
        [
            M(NC, "Hi Walt, just checking in on your BOP - anything new at the bakery?", at="2025-02-20T10:00:00"),
            M(
                PASS,
                "Hi Walt, thanks for calling back. Spoilage cover for the walk-in cooler can be added at your 4/1 renewal; options below.",
            ),
            M(PASS, "Hi Walt, your BOP renews April 1 - want me to include the spoilage coverage in the quote?"),
            M(
                PASS,
                "Walt, by email as you prefer: last year's premium was $2,340, and I'll send this year's number once I have it.",
            ),
            M(WF, "Hi Walt, last year's premium was $2,430, so let's see where the renewal lands."),
            M(CP + "|" + NC, "I'll give you a call tomorrow morning to go through it."),
            M(UC, "Loved the cinnamon rolls when I stopped by the bakery Saturday!"),
            M(WF, "Hi Walt, your renewal is on May 1 - let's get the cooler coverage sorted."),
            M(PASS, "Hi Walt, email only, no calls, as you asked. Spoilage coverage quote coming Friday."),
            M(PASS, "Walt, hope the bakery's having a good week. Spoilage options are in the attached PDF."),
        ],
    ),
    # --- car dealership: lease, accident -----------------------------------------------------------
    Scenario(
        "car-moreno",
        "Leticia Moreno",
        "2025-09-29T10:00:00",
        [
            (
                "lease-1",
                "Leticia Moreno",
                "tish moreno (leticia) - lease on her 2022 corolla ends 11/15. wants an SUV, doesn't need AWD. "
                "prefers white or blue, NOT black (too hot in el paso)",
                "2025-09-12T12:00:00",
            ),
            (
                "lease-2",
                "Leticia Moreno",
                "tish got rear-ended on i-10 wed, she's ok but sore. corolla at body shop, insurance claim open",
                "2025-09-19T17:00:00",
            ),
            (
                "lease-3",
                "Leticia Moreno",
                "tish feeling better, said happy to start looking at RAV4s in oct",
                "2025-09-26T13:00:00",
            ),
        ],
        [
            M(
                PASS,
                "Tish, so glad you're okay after the accident. Take it easy - we can talk about the lease whenever "
                "you're ready.",
                at="2025-09-22T10:00:00",
            ),
            M(
                PASS,
                "Hi Tish, glad you're feeling better. When you're ready in October, I've got a blue RAV4 and a "
                "white one we can look at.",
            ),
            M(
                PASS,
                "Hi Tish, your Corolla lease wraps up 11/15, so October gives us plenty of time. No AWD needed, noted.",
            ),
            M(
                PASS,
                "hey tish, hope the body shop is treating the corolla well. shout if you need anything for the claim.",
            ),
            M(
                IN,
                "Tish, sorry about the accident! Silver lining - perfect time to trade up. I can hold a RAV4 on the "
                "lot for you today if you put a deposit down.",
                at="2025-09-22T10:00:00",
            ),
            M(CP, "I'm holding a black RAV4 XLE for you - it's a beauty."),
            M(WF, "Reminder that your lease ends 12/15."),
            M(WF, "Hi Tish, let's talk about what comes after your 2021 Camry lease."),
            M(IC, "As promised, we'll pay off your remaining lease payments if you switch this month."),
            M(NM, "Hi Leticia Moreno, your lease-end options are ready."),
            M(PASS, "Tish, white or blue it is - I'll keep an eye out for both."),
            M(PASS, "Tish, glad the claim is moving along. Talk in October!"),
        ],
    ),
    # --- B2B software renewal: competitor, unsubscribe ---------------------------------------------
    Scenario(
        "saas-kumo",
        "Hiroshi Tanaka",
        "2025-10-23T10:00:00",
        [
            (
                "kumo-1",
                "Hiroshi Tanaka",
                "hiroshi tanaka (kumo robotics) - renewal 12/31, 60 seats on Pro. evaluating Linear. wants our SOC2 "
                "report. prefers Hiro",
                "2025-10-14T11:00:00",
            ),
            (
                "kumo-2",
                "Hiroshi Tanaka",
                "hiro replied 'unsubscribe' to the webinar invite email. no more marketing to him",
                "2025-10-20T09:00:00",
            ),
            (
                "kumo-3",
                "Hiroshi Tanaka",
                "call w hiro wed - sent SOC2 type II. pricing is the blocker, he wants under $40/seat",
                "2025-10-22T17:00:00",
            ),
        ],
        [
            M(
                PASS,
                "Hi Hiro, thanks for the call yesterday. Glad the SOC 2 Type II report helped - I'm working on pricing under $40 a seat for your 60 seats.",
            ),
            M(PASS, "Hi Hiro, your renewal is on 12/31 - happy to walk through the options whenever suits."),
            M(PASS, "Hiro, no webinar invites from me, promise. Just the renewal numbers once I have them. - Dana"),
            M(NC, "Hi Hiro, save your seat for our product roadmap webinar next Thursday!", at="2025-10-24T10:00:00"),
            M(WF, "Confirming the 80 seats on Pro for the renewal."),
            M(WF, "Thanks for the call on Tuesday, Hiro."),
            M(UC, "Good to see you at the Kumo office last week, Hiro."),
            M(IC, "As promised, we'll match Linear's price for the renewal."),
            M(NM, "Dear Hiroshi Tanaka, your subscription renews soon."),
            M(
                PASS,
                "Hi Hiro, I understand you're looking at Linear too. Happy to do a side-by-side on pricing for your 60 seats.",
            ),
            M(PASS, "Hiro, feel free to share the SOC 2 report internally."),
        ],
    ),
    # --- real estate: seller, widow ----------------------------------------------------------------
    Scenario(
        "re-osei",
        "Beverly Osei",
        "2025-03-20T10:00:00",
        [
            (
                "list-1",
                "Beverly Osei",
                "listing appt w/ beverly osei mon. 4br colonial in raleigh, 2,850 sqft. husband Frank passed in jan, "
                "she's downsizing to be near her daughter in charlotte. wants to list in april. doesn't want open "
                "houses - privacy",
                "2025-03-17T16:00:00",
            ),
            (
                "list-2",
                "Beverly Osei",
                "cma for beverly: list at 685k. she'll think about it. promised to send her stager contacts",
                "2025-03-19T11:00:00",
            ),
        ],
        [
            M(
                PASS,
                "Hi Beverly, as promised, here are the two stagers I trust. No rush on the price - take the time you need.",
            ),
            M(
                PASS,
                "Hi Beverly, thank you for having me over on Monday. Based on the comps, I'd suggest listing around $685k in April.",
            ),
            M(PASS, "Beverly, showings will be by appointment only - no open houses, as you asked."),
            M(PASS, "Thinking of you this week, Beverly. Whenever you're ready to talk about April, I'm here."),
            M(CP, "I'd recommend two public showings the first weekend to build buzz - doors open to everyone."),
            M(WF, "Your 3-bedroom colonial should show beautifully."),
            M(WF, "It's lovely that you'll be closer to your son in Charlotte."),
            M(WF, "Based on the CMA I'd list at $658k."),
            M(UC, "It was lovely meeting Frank when I came by."),
            M(
                IN,
                "Hi Beverly, hope you're well! We're hosting a downsizing seminar in Phoenix next month - want to come?",
            ),
            M(PASS, "Hi Beverly, the stagers can work around your schedule. Please give my best to your daughter."),
            M(PASS, "Beverly, I'll be in touch in April about listing, unless you'd like to talk sooner."),
        ],
    ),
    # --- wine: restaurant buyer --------------------------------------------------------------------
    Scenario(
        "wine-durand",
        "Chloé Durand",
        "2025-11-08T10:00:00",
        [
            (
                "bistro-1",
                "Chloé Durand",
                "chloe durand, wine buyer at bistro lumiere (brooklyn). by-the-glass refresh for dec. wants low "
                "intervention stuff under $18 wholesale. no big california cabs, doesn't fit the menu",
                "2025-11-03T15:00:00",
            ),
            (
                "bistro-2",
                "Chloé Durand",
                "tasting at lumiere wed 2pm. she picked the loire chenin + the foillard beaujolais, 3 cases each. "
                "delivery tues 11/11",
                "2025-11-05T16:30:00",
            ),
            (
                "bistro-3",
                "Chloé Durand",
                "chloe asked to move delivery to thurs 11/13 - kitchen closed tue",
                "2025-11-07T10:00:00",
            ),
        ],
        [
            M(
                PASS,
                "Hi Chloé, thanks for the tasting yesterday! Confirming 3 cases each of the Loire chenin and the Foillard Beaujolais.",
                at="2025-11-06T10:00:00",
            ),
            M(PASS, "Hi Chloé, delivery is moved to Thursday 11/13 as you asked."),
            M(
                PASS,
                "Hi Chloe, a couple more low-intervention reds under $18 came in if you want to try them for the December list.",
            ),
            M(PASS, "Chloé - kept the list cab-free as you asked. See you Thursday with the six cases."),
            M(WF, "See you Tuesday 11/11 with the delivery!"),
            M(CP, "I'd also add a big Napa cab by the glass - guests love it with steak."),
            M(WF, "Confirming 4 cases of the chenin and 3 of the Beaujolais."),
            M(WF + "|" + UC, "Thanks for the tasting on Monday, Chloé!", at="2025-11-06T10:00:00"),
            M(IC, "Per our deal, every tenth case is on the house."),
            M(PASS, "Chloé, both the chenin and the Foillard come in under $18 wholesale."),
            M(PASS, "Chloé, thanks for the heads-up on the kitchen - Thursday suits us too."),
        ],
    ),
    # --- freight: LTL, opt-out ---------------------------------------------------------------------
    Scenario(
        "freight-casegoods",
        "Dwayne Pruitt",
        "2025-06-25T10:00:00",
        [
            (
                "ltl-1",
                "Dwayne Pruitt",
                "dwayne pruitt (carolina casegoods, hickory nc). LTL, ~30 pallets/wk to atlanta + nashville. wants "
                "liftgate on every delivery. complained abt damaged dresser shipments w/ prior carrier",
                "2025-06-16T10:00:00",
            ),
            (
                "ltl-2",
                "Dwayne Pruitt",
                "dwayne: 'please take me off your call list, i'll reach out if we need you'",
                "2025-06-18T14:00:00",
            ),
            (
                "ltl-3",
                "Renee Castillo",
                "renee castillo (purchasing, carolina casegoods) asked for our LTL rate sheet to atlanta. fine w/ email",
                "2025-06-20T09:00:00",
            ),
        ],
        [
            M(NC, "Hi Dwayne, we just opened a new Nashville terminal - want to chat about your LTL volume?"),
            M(NC, "Dwayne, quick one: can I send over a quote for the Atlanta lane?"),
            M(
                PASS,
                "Hi Renee, attached is our LTL rate sheet for Atlanta. Happy to add liftgate service on deliveries.",
                client="Renee Castillo",
            ),
            M(
                PASS,
                "Hi Renee, following up on the Atlanta rate sheet you asked for - any questions?",
                client="Renee Castillo",
            ),
            M(
                PASS,
                "Renee, thanks for the note on Friday. I'll put the Atlanta rates in an email today.",
                client="Renee Castillo",
                at="2025-06-23T09:00:00",
            ),
            M(NM, "Hi Dwayne, here's the Atlanta rate sheet you asked for.", client="Renee Castillo"),
            M(UC, "Thanks for walking me through your Hickory warehouse yesterday, Renee.", client="Renee Castillo"),
            M(
                PASS,
                "Renee, our trailers are air-ride, which helps with furniture like dressers.",
                client="Renee Castillo",
            ),
            M(PASS, "Hi Renee, if it helps, we can quote Nashville too.", client="Renee Castillo"),
        ],
    ),
    # --- dental equipment --------------------------------------------------------------------------
    Scenario(
        "dental-nguyen",
        "Priscilla Nguyen",
        "2025-04-25T10:00:00",
        [
            (
                "den-1",
                "Priscilla Nguyen",
                "dr priscilla nguyen, nguyen family dental boise. demo of the scanner tues. liked it but $ is tight - "
                "2 hygienists just quit. wants to be addressed as Dr. Nguyen. no financing offers, she pays cash or not at all",
                "2025-04-22T17:00:00",
            ),
            (
                "den-2",
                "Priscilla Nguyen",
                "promised dr nguyen a 2nd demo for her associate Dr. Park on 5/6",
                "2025-04-24T09:00:00",
            ),
        ],
        [
            M(
                PASS,
                "Dear Dr. Nguyen, thank you for your time at Tuesday's demo. As promised, I've booked a second demo for Dr. Park on May 6.",
            ),
            M(
                PASS,
                "Dr. Nguyen, I know losing two hygienists makes timing hard - no pressure on the scanner. The demo for Dr. Park is still on for 5/6.",
            ),
            M(PASS, "Hi Dr. Nguyen, confirming 5/6 for Dr. Park's demo. Anything you'd like me to focus on?"),
            M(CP, "Our 0% plan over 60 months keeps the scanner easy on cash flow - shall I run the numbers?"),
            M(WF, "Looking forward to the second demo for Dr. Park on May 9."),
            M(NM, "Hi Priscilla, following up on the scanner demo!"),
            M(UC, "Great meeting Dr. Park at Tuesday's demo!"),
            M(IC, "As promised, we'll include two years of free software updates with the scanner."),
            M(PASS, "Dr. Nguyen, the scanner would be a straight purchase - no financing pitch from me."),
            M(PASS, "Dr. Nguyen, the second demo on May 6 is just for Dr. Park's questions - 30 minutes, tops."),
        ],
    ),
    # --- wedding caterer ---------------------------------------------------------------------------
    Scenario(
        "cater-carter",
        "Jasmine Carter",
        "2025-02-19T10:00:00",
        [
            (
                "cat-1",
                "Jasmine Carter",
                "jasmine carter called re: june 2026 wedding in savannah. 90 guests. wants brunch reception on a "
                "sunday. no alcohol at all - both sober, very important to them",
                "2025-02-15T12:00:00",
            ),
            (
                "cat-2",
                "Jasmine Carter",
                "site visit w/ jasmine + derek tues 2/18. they loved the courtyard. quoted 9,800 sunday brunch pkg. "
                "she asked abt gluten free, derek is celiac",
                "2025-02-18T18:00:00",
            ),
        ],
        [
            M(
                PASS,
                "Hi Jasmine, so nice meeting you and Derek at the site visit yesterday. Glad you loved the courtyard "
                "- the Sunday brunch package comes to $9,800 for 90 guests.",
            ),
            M(
                PASS,
                "We'll make the menu fully gluten-free for Derek, and we're happy to do a zero-proof bar with fresh juices and mocktails.",
            ),
            M(PASS, "Hi Jasmine, any questions on the brunch quote? Happy to hop on a call whenever works."),
            M(
                PASS,
                "Jasmine - a Sunday in June 2026 in the courtyard is going to be lovely. Let me know when you'd like to hold a date.",
            ),
            M(CP, "Most couples add our mimosa and bellini bar to a brunch reception - shall I add it?"),
            M(WF, "We'll make sure everything is gluten-free for you, Jasmine, since you're celiac."),
            M(WF, "The brunch package comes to $9,800 for 120 guests."),
            M(WF, "Looking forward to your Saturday brunch reception!"),
            M(IC, "As we discussed, the courtyard string lighting is included at no extra cost."),
            M(UC, "Great to see you again at the bridal expo last weekend!"),
            M(PASS, "Jasmine, looking forward to planning your Sunday brunch for June 2026!"),
            M(PASS, "Hi Jasmine, Derek's gluten-free menu and the zero-proof bar are both in the quote."),
        ],
    ),
    # --- B2B software: fintech eval, far event -----------------------------------------------------
    Scenario(
        "saas-finch",
        "Colm O'Sullivan",
        "2025-05-09T10:00:00",
        [
            (
                "finch-1",
                "Colm O'Sullivan",
                "colm o'sullivan (finch payments, dublin). eval of our API gateway, 3 envs. champion but needs CFO "
                "sign off (Aoife). said no to multi-year - annual only",
                "2025-05-06T15:00:00",
            ),
            (
                "finch-2",
                "Colm O'Sullivan",
                "colm email: wants customer refs in fintech. promised 2 refs by next wk",
                "2025-05-08T12:00:00",
            ),
        ],
        [
            M(PASS, "Hi Colm, as promised I'm lining up two fintech references for you next week."),
            M(
                PASS,
                "Hi Colm, we're running a small API meetup in Dublin on 6/12 - no pitch, just engineers. Fancy an invite?",
            ),
            M(PASS, "Hi Colm, annual terms only, as you said - I'll keep it simple for Aoife's review."),
            M(PASS, "Colm, the eval covers all three environments. Shout if anything breaks."),
            M(IN, "Colm, come join us at our user conference in Austin, Texas next month!"),
            M(CP, "I've drafted a 3-year agreement so Aoife can see the savings."),
            M(NM, "Hi Aoife, thanks for championing the gateway eval!"),
            M(WF, "Hope the eval is going well across your 4 environments."),
            M(IC, "As promised, the first three months are free."),
            M(
                PASS,
                "Hi Colm, the two fintech references are ready - shall I intro you by email?",
                at="2025-05-15T10:00:00",
            ),
            M(PASS, "Colm, happy to answer any of Aoife's questions directly if that helps the sign-off."),
        ],
    ),
    # --- insurance: landlord, pause then flood -----------------------------------------------------
    Scenario(
        "ins-mensah",
        "Kwame Mensah",
        "2025-04-22T10:00:00",
        [
            (
                "land-1",
                "Kwame Mensah",
                "kwame mensah - owns 3 duplexes in columbus. landlord policy w/ us. said don't contact him til after "
                "4/15, tax season is killing him",
                "2025-03-10T12:00:00",
            ),
            (
                "land-2",
                "Kwame Mensah",
                "kwame: basement at the maple st duplex flooded sat, tenants displaced. claim #CL-88213 opened",
                "2025-04-21T09:00:00",
            ),
        ],
        [
            M(
                NC,
                "Hi Kwame, quick one - want me to re-quote the landlord policy for all three duplexes?",
                at="2025-04-02T10:00:00",
            ),
            M(
                PASS,
                "Kwame, so sorry about the flooding at Maple St. Your claim number is CL-88213; I'll chase the adjuster today.",
            ),
            M(
                PASS,
                "Hi Kwame, hope tax season is behind you. How are the tenants at Maple St doing?",
                at="2025-04-24T10:00:00",
            ),
            M(
                IN,
                "Kwame, sorry about the flood! Good time to add flood coverage to the other two duplexes - I can bind it today.",
            ),
            M(WF, "Your claim number is CL-88231, for reference."),
            M(WF + "|" + UC, "Sorry to hear about the flood at the Oak St duplex."),
            M(UC, "Thanks for showing me the damage on Sunday, Kwame."),
            M(PASS, "Kwame, nothing to sell you this week - just checking the tenants found somewhere to stay."),
            M(PASS, "Hi Kwame, the adjuster is booked for Thursday; I'll let you know what they say."),
        ],
    ),
    # --- fitness: personal training studio, birthday -----------------------------------------------
    Scenario(
        "fit-studio",
        "Beatriz Santos",
        "2025-10-14T09:00:00",
        [
            (
                "pilates-1",
                "Beatriz Santos",
                "bea santos (beatriz) - opening a pilates studio in st pete, 6 reformers. loves the maple frame, not "
                "the aluminum. bday oct 14. husband Rui does the books",
                "2025-09-30T14:00:00",
            ),
            (
                "pilates-2",
                "Beatriz Santos",
                "bea signed for 6 maple reformers, delivery 11/3. i said i'd send the assembly video + care guide",
                "2025-10-08T10:00:00",
            ),
        ],
        [
            M(PASS, "Happy birthday, Bea! Hope you get a day off from the studio build. No business today, promise."),
            M(
                PASS,
                "Hi Bea, as promised here's the assembly video and the care guide for the maple reformers. Delivery is set for 11/3.",
            ),
            M(PASS, "Hi Bea, six maple reformers arriving 11/3 - is the floor ready, or should we push a week?"),
            M(PASS, "Hi Bea, I've copied Rui on the invoice so it lands with the books."),
            M(CP, "Hi Bea, we could swap two of them for our new aluminum reformers - lighter to move around."),
            M(WF, "Happy birthday, Bea!", at="2025-10-04T09:00:00"),
            M(WF, "Hi Bea, delivery of your eight maple reformers is set for 11/3."),
            M(NM, "Hi Beatriz Santos, your reformer order is confirmed."),
            M(IC, "Reminder: your order includes free on-site assembly, as agreed."),
            M(UC, "It was great to finally meet Rui at the studio last Friday!"),
            M(PASS, "Bea, the maple reformers are packed and ready for 11/3."),
            M(PASS, "Bea, thanks again for choosing the maple frames - they'll look beautiful in the studio."),
        ],
    ),
    # --- boat dealer ------------------------------------------------------------------------------
    Scenario(
        "boat-eriksen",
        "Lars Eriksen",
        "2025-05-20T10:00:00",
        [
            (
                "boat-1",
                "Lars Eriksen",
                "lars eriksen at the boat show sat (duluth DECC). looking at pontoons 22-24ft. grandkids Ella + Finn "
                "visit every summer. wants the 115hp merc, no yamaha. budget 45k. lives in duluth",
                "2025-05-17T19:00:00",
            ),
            (
                "boat-2",
                "Lars Eriksen",
                "lars: wife ingrid has knee surgery 6/2, they'll decide after she recovers. promised to send him spec "
                "sheets for the 22 + 24 ft models",
                "2025-05-19T11:00:00",
            ),
            (
                "boat-3",
                "Pete Lindgren",
                "pete lindgren said not interested anymore, stop emailing him. bought a used lund privately",
                "2025-05-18T09:00:00",
            ),
        ],
        [
            M(
                PASS,
                "Hi Lars, great chatting at the Duluth boat show on Saturday. As promised, spec sheets for the 22 "
                "and 24 ft pontoons are attached, both with the 115 Merc.",
            ),
            M(
                PASS,
                "Hi Lars, best wishes to Ingrid for the surgery on the 2nd. No decisions needed until she's back on her feet.",
            ),
            M(PASS, "Lars, plenty of room on the 24 for Ella and Finn this summer."),
            M(PASS, "Hi Lars, hope Ingrid's recovery is going well. Thinking of you both.", at="2025-06-16T10:00:00"),
            M(PASS, "Lars - both models come in under your $45k with the Merc. Whenever you're ready."),
            M(PASS, "Lars, great meeting you at the DECC show."),
            M(CP, "I'd pair the 24 with the Yamaha F150 for a bit more pull."),
            M(WF, "Plenty of room on the 24 for when Ella and Max visit!"),
            M(IN, "Hi Lars, we're running a pontoon demo day at Lake Havasu, Arizona on 6/14 - come by!"),
            M(
                IN,
                "Lars, hope the surgery went OK! Our summer sale ends Friday, so let's get your pontoon ordered "
                "before it's gone.",
                at="2025-06-03T10:00:00",
            ),
            M(IC, "As promised, we'll throw in a free trailer with either model."),
            M(UC, "It was great meeting Ingrid at the show!"),
            M(WF, "Both models fit nicely in your $54k budget."),
            M(NM, "Hi Eriksen, the spec sheets are attached."),
            M(NC, "Hi Pete, new pontoon inventory just arrived - want first look?", client="Pete Lindgren"),
        ],
    ),
    # --- residential solar -------------------------------------------------------------------------
    Scenario(
        "solar-whitaker",
        "Denise Whitaker",
        "2025-06-16T10:00:00",
        [
            (
                "sol-1",
                "Denise Whitaker",
                "site survey at denise whitaker's mon, tucson. south facing roof, 2,400 sqft. avg bill $260/mo. wants "
                "battery backup (outages). declined financing - paying cash",
                "2025-06-09T15:00:00",
            ),
            (
                "sol-2",
                "Denise Whitaker",
                "proposal to denise: 9.6 kW, 24 panels + 1 battery, $31,400 before tax credit. promised to check if "
                "her HOA needs to approve",
                "2025-06-11T12:00:00",
            ),
            (
                "sol-3",
                "Denise Whitaker",
                "denise asked us to only contact her by email, she works nights (ER nurse)",
                "2025-06-13T09:00:00",
            ),
            (
                "sol-4",
                "Gary Lindqvist",
                "gary lindqvist went with sunrun. asked us not to contact him again",
                "2025-06-12T16:00:00",
            ),
        ],
        [
            M(
                PASS,
                "Hi Denise, as promised, I'm checking whether your HOA needs to approve the panels and will email you as soon as I hear.",
            ),
            M(
                PASS,
                "Hi Denise, recap of the proposal: 9.6 kW with 24 panels and one battery, $31,400 before the tax credit.",
            ),
            M(PASS, "Denise, thanks for having us out for the site survey last Monday."),
            M(
                PASS,
                "Hi Denise, the battery keeps the essentials running during outages. Happy to answer anything by email. - Ray",
            ),
            M(PASS, "Denise, with your bill around $260 a month, the 9.6 kW system should cover most of it."),
            M(PASS, "Denise, I know you work nights, so no calls - just reply by email whenever suits."),
            M(WF, "Recap: a 9.2 kW system with 24 panels and one battery."),
            M(CP, "Good news - we can get you into the system for $0 down with our 25-year solar loan."),
            M(WF, "With your average bill of $360 a month, solar makes a lot of sense."),
            M(CP + "|" + NC, "I'll call you tonight to walk you through the proposal."),
            M(NM, "Hi {FirstName}, your solar proposal is ready!"),
            M(UC, "Thanks again for the lemonade and the tour of the garden during the survey!"),
            M(NC, "Hi Gary, our summer pricing is live - still thinking about solar?", client="Gary Lindqvist"),
        ],
    ),
    # --- recruiting: construction ------------------------------------------------------------------
    Scenario(
        "rec-bell",
        "Malcolm Bell",
        "2025-09-18T10:00:00",
        [
            (
                "bell-1",
                "Malcolm Bell",
                "intro call w/ malcolm bell (goes by mac), ridgeline construction denver. needs 3 site superintendents "
                "for the aurora hospital job, start oct 20. pays 115-130k. OSHA 30 min. son Caleb just started at CSU, "
                "he's proud",
                "2025-09-08T16:00:00",
            ),
            (
                "bell-2",
                "Malcolm Bell",
                "sent mac 4 resumes. he wants to interview Luis + Tamara next tues 9/16",
                "2025-09-10T11:00:00",
            ),
            (
                "bell-3",
                "Malcolm Bell",
                "mac: interviews went well, offer going to tamara at 125k. luis a maybe. asked me to hold off on more "
                "resumes until they decide",
                "2025-09-17T15:00:00",
            ),
        ],
        [
            M(PASS, "Hi Mac, great news on Tamara - fingers crossed she accepts at $125k."),
            M(PASS, "Mac, I'll hold off on sending more resumes until you've decided on Luis, as you asked."),
            M(PASS, "Hi Mac, glad Tuesday's interviews went well!"),
            M(PASS, "Hi Mac, hope Caleb's settling in at CSU!"),
            M(PASS, "Hi Mac, any update on Luis? No rush.", at="2025-09-24T10:00:00"),
            M(PASS, "Mac, for the Aurora hospital job I'm only sending supers with OSHA 30.", at="2025-09-11T10:00:00"),
            M(WF, "Great news that the offer to Tamara is going out at $135k."),
            M(WF, "Glad Wednesday's interviews went well, Mac!"),
            M(CP, "Attached are three more superintendent resumes for you to look at this week."),
            M(UC, "Great to meet Caleb at the site visit!"),
            M(NM, "Hi Malcolm Bell, following up on Tamara's offer."),
            M(IC, "As agreed, our fee is waived if Tamara leaves in the first six months."),
        ],
    ),
]


def _kinds(spec: str) -> list[str]:
    return [k for k in spec.split("|") if k]


def cases() -> list[dict[str, Any]]:
    """Every message as one case in the runner's format (notes repeated per case, as the runner expects)."""
    out: list[dict[str, Any]] = []
    for sc in SCENARIOS:
        notes = [{"id": i, "client": c, "text": t, "at": a} for i, c, t, a in sc.notes]
        for n, msg in enumerate(sc.msgs, 1):
            kinds = _kinds(msg.kinds)
            out.append(
                {
                    "id": f"{sc.group}-{n:02d}",
                    "group": sc.group,
                    "client": msg.client or sc.client,
                    "notes": notes,
                    "text": msg.text,
                    "at": msg.at or sc.at,
                    "expect": "flag" if kinds else "pass",
                    "kinds": kinds,
                }
            )
    return out


def write(path: Path = JSONL) -> int:
    rows = cases()
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return len(rows)


if __name__ == "__main__":
    n = write()
    rows = cases()
    planted = [r for r in rows if r["kinds"]]
    by_kind: dict[str, int] = {}
    for r in planted:
        by_kind[r["kinds"][0]] = by_kind.get(r["kinds"][0], 0) + 1
    print(f"wrote {n} cases to {JSONL}: {len(planted)} planted, {n - len(planted)} truthful; {by_kind}")
