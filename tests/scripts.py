"""Scripted reps shared by the tests: one who wins over any customer, one who is a price list."""

STRONG = {
    "sv": [
        "Jag förstår att det känns viktigt. Får jag fråga vad som ligger bakom – vad är det ni "
        "egentligen vill uppnå, och vad händer om det inte blir löst?",
        "Tack, det hjälper. Jag vill utmana lite: om vi bara tittar på priset missar vi det som "
        "kostar mest för er. Andra kunder i samma läge sparade mest på att vi tog hela ansvaret "
        "för helheten. Vad skulle det betyda för er?",
        "Då föreslår jag att jag tar ansvar för nästa steg: jag tar fram ett konkret förslag och "
        "vi ses på tisdag kl 10 i 30 minuter. Passar det?",
        "Bra, jag skickar en inbjudan till tisdag kl 10 direkt och ringer dig på måndag för att "
        "stämma av att förslaget täcker det vi pratat om.",
    ],
    "en": [
        "I understand this matters. May I ask what's behind it – what are you actually trying to "
        "achieve, and what happens if it isn't solved?",
        "Thanks, that helps. Let me challenge one thing: if we only look at price we miss what "
        "costs you the most. Other customers in your position saved most when we took ownership "
        "of the whole thing. What would that mean for you?",
        "Then I suggest I own the next step: I'll put together a concrete proposal and we meet "
        "on Tuesday at 10 for 30 minutes. Does that work?",
        "Great, I'll send an invite for Tuesday 10am right away and call you on Monday to check "
        "the proposal covers what we discussed.",
    ],
}

PRICE_LIST = {
    "sv": ["Priset är 4 500 kr exklusive moms.", "Jag kan ge 15 % rabatt.", "Okej, 25 % då."] * 3,
    "en": ["The price is $450 excluding VAT.", "I can give you 15% off.", "Fine, 25% then."] * 3,
}
