"""The living price list: prices, quotes, compliance, discounts, feature lists. Swedish and English together."""

from __future__ import annotations

from bot.core.offline_judge.patterns import compile_folded, rx

#: A stated price or amount. The amount is bounded ("1 250 000,00" is 12 characters): an
#: unbounded run of digits and spaces made matching quadratic in digit-heavy text.
PRICE = compile_folded(
    r"(?<!\w)(?:\d[\d\s.,]{0,24}\s*(?:kr|kronor|sek|:-|\$|€|£|eur|euros?|usd|dollars?|mkr|msek|tkr|k|m|m\s?kr"
    r"|/st|/mån|/month|/user|/unit|each|apiece|ex(?:kl)?\.?\s*moms|excl\.?\s*vat|excl\w*|per\s+(?:unit|piece|user"
    r"|month|styck|st|användare|månad|år|year))(?!\w)|(?:\$|€|£)\s*\d"
    r"|(?:price|prices|pris|priset|priser|cost|costs|kostar|kostnaden|lowest|lägsta|bästa|best)\s*(?:is|are|är"
    r"|blir|=|:)\s*\d|price ?list\w*|price sheet|prislist\w*|prisblad\w*|prices attached|bifogar pris\w*"
    r"|(?:our|vårt|vår) (?:best|lowest|bästa|lägsta) (?:price|number|offer|pris|bud)|best number|bästa pris"
    r"|(?:prices|priser\w*) (?:are|is|finns|står) (?:on|på)"
    r"|(?:that's|thats|that is|it's|that'll be|det blir|blir det|det kostar|kostar|costs?)\s+[$€£]?\d+"
    r"|pricing(?:'s|\s+is)?\s+(?:on|at)\s+(?:the|our)|(?:står|finns)\s+på\s+(?:hemsidan|webben|sajten))",
)

#: Handing over a quote or price without a question.
QUOTE_SEND = rx(
    r"(?:send|sending|email|mail|e-mail|get|have|submit|put together)\w* (?:\w+ ){0,3}?(?:quote|quotation|prices?"
    r"|offer|proposal|contract|price list|number|it over)",
    r"(?:the|your|my|our) quote is",
    r"have it over",
    r"will submit",
    r"(?:skicka|skickar|skickat|maila|mailar|mejla|mejlar|lämna|lämnar|sätter ihop) (?:\w+ ){0,3}?(?:offert\w*|pris\w*"
    r"|prislist\w*|avtal\w*|bud\w*|anbud\w*|erbjudande\w*|den|dem)",
    r"offerten (?:kommer|är)",
)

#: Opening with plain compliance: "Sure!", "Absolut, det fixar jag".
COMPLY = compile_folded(
    r"^\W*(?:sure(?: thing)?|ok(?:ay)?|of course|absolutely|no problem|np|will do|can do|happy to|yes|yep"
    r"|yeah|gladly|definitely|certainly|understood|got it|noted|done|självklart|absolut|visst|okej|inga problem"
    r"|det fixar jag|fixar det|klart|gärna|javisst|japp|det gör vi|det ska du få|det kan jag göra|vi lämnar)"
    r"(?!\w)",
)

#: Caving on price.
DISCOUNT = rx(
    r"discount\w*",
    r"\d+\s*(?:%|procent|percent|per cent) off",
    r"knock\w* (?:\d+\s*(?:%|kr|percent)? |something |a bit |some )?off",
    r"take\w* (?:\d+\s*(?:%|kr|percent)?|something|a bit|some) off",
    r"(?:lower|drop|cut|reduce|beat|shave)\w* (?:the |our |my |their |that )?(?:price|rate)",
    r"(?:we|i) (?:can|could|will|'ll) (?:\w+ )?match",
    r"match (?:that|it|them|their|the price|your (?:price|offer|quote))",
    r"price[- ]match\w*",
    r"special (?:price|deal|offer|rate)",
    r"(?:offer|give|do|include|throw in|add|get you|waive)\w* (?:you )?(?:\w+ )?(?:free|waived) (?:shipping|delivery"
    r"|installation|setup|month)",
    r"free (?:shipping|delivery|installation) (?:on|for) (?:this|your|the|all)",
    r"(?:talk|check|speak) (?:to|with) (?:my|the) (?:manager|boss|director)",
    r"see what i can do (?:on|with|about) (?:the )?price",
    r"(?:get|give|offer|find|make|do) (?:you )?(?:a )?(?:better|sharper|special) (?:deal|price)",
    r"do something (?:on|with|about) (?:the )?price",
    r"(?:come|go) in (?:\w+ )?(?:low|lower|cheap|cheaper|under)",
    r"sharpen (?:our|my|the) pencil",
    r"what (?:number|price) (?:do|would|will) (?:you|we) need",
    r"(?:what|which) (?:number|price) (?:do you need|would it take|works for you)",
    r"name (?:your|the) price",
    r"(?:vilket|vad för) pris (?:behöver|vill|måste) (?:du|ni|vi)",
    r"vad (?:behöver|måste) vi (?:ligga på|komma ner till|landa på)",
    r"(?:work|sort|figure) (?:\w+ ){0,2}out (?:on|with) (?:the )?price",
    r"(?:lösa|fixa|ordna|hitta) (?:\w+ ){0,2}(?:på|med) pris\w*",
    r"(?:kapa|sänka|dra av|skära) (?:en del|lite|något|nåt|ytterligare)",
    r"beat (?:the competition|them|their (?:price|offer|quote)|the others)",
    r"wiggle room",
    r"flexib\w* on (?:the )?price",
    r"throw in",
    r"on the house",
    r"(?:go|come) down (?:in price|on (?:the )?price|further|a bit|\d+|to \d+|another)",
    r"cheaper than (?:them|they|the competitor|your)",
    r"sweeten",
    r"(?:can|could|will|'ll) (?:do|give|offer|knock) (?:you )?(?:another|an extra|a further|extra) \d+",
    r"(?:another|an extra|a further|extra) \d+\s*(?:%|percent|per cent)",
    r"(?:kan|ska) (?:ge|erbjuda|bjuda) (?:dig |er )?(?:ytterligare |extra )?\d+\s*(?:%|procent)",
    r"\d+\s*(?:%|procent) (?:till|extra|ytterligare)",
    r"\w*rabatt\w*",
    r"(?:sänka|sänker|sänkt|matcha|matchar|kapa|kapar) (?:\w+ )?(?:pris\w*|det|dem|er|\d+)",
    r"(?:slå|slår) (?:\w+ )?(?:deras |konkurrentens )?pris\w*",
    r"(?:drop|go|come|get) (?:down )?to (?:their|the competitor's|that) (?:level|price)",
    r"(?:lägger|lägga|går|gå) (?:oss |mig )?(?:ner )?på (?:deras|samma) (?:nivå|pris)",
    r"(?:gå|går) ner (?:i pris|ytterligare|\d+|lite|mer|på priset)",
    r"(?:special|kampanj|vän)pris\w*",
    r"bjud\w* på",
    r"(?:ge|ger|bjuder|erbjuda|erbjuder|kör|fixar|inkluderar|lägger till)\w* (?:\w+ ){0,2}?(?:fri|gratis) (?:frakt"
    r"|leverans|installation|månad\w*)",
    r"(?:fri|gratis) (?:frakt|leverans|installation) (?:på|för) (?:den här|denna|er|din|hela)",
    r"(?:prata|pratar|kolla|kollar|stämma av|stämmer av|snacka|snackar) med (?:min )?(?:chef|chefen|ledningen|säljchef\w*)",
    r"trixa (?:lite )?med priset",
    r"se vad jag kan göra (?:med|på|åt) priset",
    r"(?:bättre|vassare|skarpare) (?:pris|erbjudande)",
    r"vässa\w* (?:priset|pennan)",
    r"kommer (?:vi |jag )?in (?:\w+ )?(?:lågt|lägre|billigt|billigare|under)",
    r"flexib\w* (?:på|med) priset",
    r"göra något (?:med|åt) priset",
    r"prisavdrag\w*",
    r"nedsatt\w*",
    r"billigare än (?:dem|dom|de|konkurrenten|dom andra)",
    r"\d+\s*(?:%|procent) (?:billigare|lägre|av|på|rabatt)",
    r"(?:vi|jag) (?:kan )?(?:också )?(?:köra|ha|ge|erbjuda|fixa|ordna) (?:en )?kampanj\w*",
    r"kampanjpris\w*",
    r"(?:vi har|det är|just nu) (?:en |ett )?(?:\w+ )?(?:rea\w*|erbjudande)",
    r"(?:we have|we've got|there's) (?:a |an )?(?:\w+ )?(?:promo\w*|sale|campaign)",
)

#: Vague goodwill that, said to a price objection, means giving way on price.
SOFT_CAVE = rx(
    r"(?:we|i) (?:can|could|will|'ll) (?:surely |probably |definitely )?(?:work|sort|figure) (?:\w+ ){0,2}out",
    r"we'll find a way",
    r"(?:vi|jag) (?:kan|ska|kommer att) (?:nog |säkert |absolut )?(?:lösa|fixa|ordna) (?:det|något|nåt)",
    r"det (?:löser|fixar|ordnar) vi",
    r"(?:vi|jag) (?:löser|fixar|ordnar) det",
    r"(?:ett )?(?:nytt|lägre|bättre) pris",
    r"a (?:new|better|lower) (?:price|number|quote)",
    r"det ska vi (?:nog |säkert )?(?:kunna )?(?:lösa|fixa|ordna)",
)

#: A customer line about price: soft goodwill in answer to it is caving.
PRICE_TALK = rx(
    r"pric\w*",
    r"cheaper",
    r"expensive",
    r"percent",
    r"match",
    r"discount",
    r"budget",
    r"pris\w*",
    r"billigare",
    r"dyr\w*",
    r"procent",
    r"matcha",
    r"rabatt\w*",
    r"budget\w*",
    r"\d+\s*%",
)

#: Refusing to cave: the discount words that follow are not an offer.
REFUSAL = compile_folded(
    r"(?:can['’]?t|cannot|can not|won['’]?t|will not|not going to|rather not|no|not|isn['’]?t|kan (?:jag|vi) inte|inte"
    r"|ingen|aldrig|never|without|utan)\W+(?:\w+\W+){0,3}$"
    r"|(?<!\w)(?:än|than|instead of|i ?stället för)\W+(?:(?:just|bara|att|to)\W+){0,2}$",
)

#: Benefit-free product talk, a sign of a feature dump when listed.
FEATURE = rx(
    r"comes with",
    r"includes?",
    r"including",
    r"features?",
    r"unlimited",
    r"integrations?",
    r"24/7",
    r"support",
    r"app",
    r"platform",
    r"dashboard",
    r"modules?",
    r"certified",
    r"iso \d+",
    r"warranty",
    r"backups?",
    r"reports?",
    r"portal",
    r"dark mode",
    r"express shipping",
    r"obegränsa\w*",
    r"integration\w*",
    r"funktion\w*",
    r"ingår",
    r"inkluder\w*",
    r"plattform\w*",
    r"modul\w*",
    r"certifier\w*",
    r"garanti\w*",
    r"dygnet runt",
    r"backup\w*",
    r"rapport\w*",
    r"mörkt läge",
    r"\w+-rapporter",
)
