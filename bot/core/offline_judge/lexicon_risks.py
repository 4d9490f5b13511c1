"""Phrases for the classic sales failures: price list, caving, passing the blame, waiting."""

from __future__ import annotations

import re

from bot.core.offline_judge.patterns import FLAGS, rx

#: A stated price or amount.
PRICE = re.compile(
    r"(?<!\w)(?:\d[\d\s.,]*\s*(?:kr|kronor|sek|:-|\$|€|£|eur|euros?|usd|dollars?|mkr|msek|tkr|k|m|m\s?kr"
    r"|/st|/mån|/month|/user|/unit|each|apiece|ex(?:kl)?\.?\s*moms|excl\.?\s*vat|excl\w*|per\s+(?:unit|piece|user"
    r"|month|styck|st|användare|månad|år|year))(?!\w)|(?:\$|€|£)\s*\d"
    r"|(?:price|prices|pris|priset|priser|cost|costs|kostar|kostnaden|lowest|lägsta|bästa|best)\s*(?:is|are|är"
    r"|blir|=|:)\s*\d|price ?list\w*|price sheet|prislist\w*|prisblad\w*|prices attached|bifogar pris\w*"
    r"|(?:our|vårt|vår) (?:best|lowest|bästa|lägsta) (?:price|number|offer|pris|bud)|best number|bästa pris"
    r"|(?:prices|priser\w*) (?:are|is|finns|står) (?:on|på))",
    FLAGS,
)

#: Handing over a quote or price without a question.
QUOTE_SEND = rx(
    r"(?:send|sending|email|mail|e-mail|get|have|submit|put together)\w* (?:\w+ ){0,3}?(?:quote|quotation|prices?"
    r"|offer|proposal|contract|price list|number|it over)",
    r"quote is",
    r"have it over",
    r"will submit",
    r"(?:skicka|skickar|mailar|mejlar|lämna|lämnar|sätter ihop)\w* (?:\w+ ){0,3}?(?:offert\w*|pris\w*"
    r"|prislist\w*|avtal\w*|bud\w*|anbud\w*|erbjudande\w*|den|dem)",
    r"offerten (?:kommer|är)",
)

#: Opening with plain compliance: "Sure!", "Absolut, det fixar jag".
COMPLY = re.compile(
    r"^\W*(?:sure(?: thing)?|ok(?:ay)?|of course|absolutely|no problem|np|will do|can do|happy to|yes|yep"
    r"|yeah|gladly|definitely|certainly|understood|got it|noted|självklart|absolut|visst|okej|inga problem"
    r"|det fixar jag|fixar det|klart|gärna|javisst|japp|det gör vi|det ska du få|det kan jag göra|vi lämnar)"
    r"(?!\w)",
    FLAGS,
)

#: Caving on price.
DISCOUNT = rx(
    r"discount\w*",
    r"\d+\s*% off",
    r"(?:knock|take)\w* (?:\d+\s*%? )?off",
    r"(?:lower|drop|cut|reduce|beat|shave)\w* (?:the |our |my |their |that )?(?:price|rate)",
    r"(?:we|i) (?:can|could|will|'ll) (?:\w+ )?match",
    r"match (?:that|it|them|their|the price|your (?:price|offer|quote))",
    r"price[- ]match\w*",
    r"special (?:price|deal|offer|rate)",
    r"(?:free|waive\w*) (?:shipping|delivery|installation|setup|month)",
    r"throw in",
    r"on the house",
    r"(?:go|come) down (?:in price|on (?:the )?price|further|a bit|\d+|to \d+|another)",
    r"cheaper than (?:them|they|the competitor|your)",
    r"sweeten",
    r"\w*rabatt\w*",
    r"(?:sänka|sänker|sänkt|matcha|matchar|slå|slår|kapa|kapar) (?:\w+ )?(?:pris\w*|det|dem|er|\d+)",
    r"(?:gå|går) ner (?:i pris|ytterligare|\d+|lite|mer|på priset)",
    r"(?:special|kampanj|vän)pris\w*",
    r"bjud\w* på",
    r"fri frakt",
    r"gratis (?:frakt|leverans|installation|månad\w*)",
    r"prisavdrag\w*",
    r"nedsatt\w*",
    r"billigare än (?:dem|dom|de|konkurrenten|dom andra)",
    r"\d+\s*% (?:billigare|lägre|av)",
)

#: Refusing to cave: the discount words that follow are not an offer.
REFUSAL = re.compile(
    r"(?:can['’]?t|cannot|can not|won['’]?t|will not|not going to|rather not|no|not|isn['’]?t|kan (?:jag|vi) inte|inte"
    r"|ingen|aldrig|never)\W+(?:\w+\W+){0,3}$",
    FLAGS,
)

#: Passing the problem on: another department, the courier, "not my job".
BLAME = rx(
    r"not (?:my|our) (?:department|dept|job|area|problem|fault|responsibility|call|team|thing|remit)",
    r"not mine",
    r"(?:courier|carrier|post office|postnord|dhl|ups|fedex|printer|warehouse|logistics|billing|finance"
    r"|accounting|support|customer service|printers)(?:'s)? (?:fault|problem|job|responsibility|issue|department)",
    r"(?:their|his|her) (?:fault|problem|job|responsibility)",
    r"(?:you'll|you will|you'd|you) (?:have|need|must|should|could|can|better) (?:to )?(?:\w+ )?(?:contact|call"
    r"|email|e-mail|mail|ring|reach out to|talk to|speak to|speak with|get in touch|write to|check with|turn to"
    r"|take it up)(?!\s+(?:me|us))",
    r"please (?:contact|call|email|e-mail|mail|reach out to|get in touch with|write to) (?:the|our|their"
    r"|billing|finance|support|customer|\w+@)",
    r"(?:^|[.!]\s*)(?:contact|call|email|ring|talk to) (?:them|the (?:courier|post|printer|warehouse)|postnord"
    r"|billing|support|customer service)",
    r"take it up with",
    r"out of (?:my|our) hands",
    r"nothing (?:i|we) can do",
    r"(?:i|we) can(?:'t|not) do (?:anything|much|more)",
    r"beyond (?:my|our) control",
    r"outside (?:my|our) (?:control|area|remit)",
    r"i (?:just|only) (?:sell|deliver|handle|do|work)",
    r"i(?:'m| am) (?:just |only )?in sales",
    r"i (?:don't|do not) (?:handle|deal with|have access)",
    r"(?:they|someone|somebody|the team|billing|support|logistics)(?:'ll| will| should| can| would) (?:\w+ )?"
    r"(?:get back|contact|help|call|reach out|sort|be in touch)",
    r"(?:forward|escalate|pass|refer)\w* (?:\w+ )?(?:it|this|that|your \w+|you)(?: on)? to",
    r"(?:i'll|i will|let me) (?:forward|escalate|pass on|hand (?:it|this) over)",
    r"handled by (?:a |the |our )?(?:third|another|other|external|courier|post|separate)",
    r"(?:third|3rd)[- ]party",
    r"(?:it's|it is|its) (?:the|their) (?:courier|printer|post|warehouse|carrier)",
    r"(?:courier|printer|post office|postnord|warehouse|carrier)(?: who)? (?:messed|screwed|lost|failed|is to blame)",
    r"blame (?:the|it on|them|postnord|the post)",
    r"(?:is|are) to blame",
    r"not (?:up|down) to (?:me|us)",
    r"inte (?:min|vår) (?:avdelning|sak|grej|uppgift|bit)",
    r"inte (?:mitt|vårt) (?:bord|fel|ansvar|problem|område|jobb)",
    r"(?:\w+avdelningen|ekonomi|posten|postnord|transportören|tryckeriet|lagret|supporten|kundtjänst|kundservice)"
    r" (?:som )?(?:ansvarar|sköter|hanterar|har hand om|tar (?:hand om|det))",
    r"sköts av",
    r"hanteras av",
    r"(?:du|ni) (?:får|måste|kan|behöver|bör|skulle kunna|får gärna) (?:\w+ ){0,2}?(?:kontakta|ringa|maila|mejla"
    r"|höra av (?:dig|er) till|prata med|vända (?:dig|er) till|skriva till|fråga)(?!\s+(?:mig|mej|oss))",
    r"(?:kontakta|ring|maila|mejla) (?:posten|postnord|kundtjänst|kundservice|ekonomi\w*|supporten|transportören"
    r"|lagret|dem|dom|tryckeriet|dhl|växeln)",
    r"utanför (?:min|vår) (?:kontroll|avdelning)",
    r"ligger (?:utanför|inte på|inte hos) (?:mig|oss|vår|min)",
    r"inget (?:jag|vi) kan göra",
    r"kan inte göra (?:något|nåt|mycket)",
    r"jag (?:bara|säljer bara|sitter på sälj\w*|jobbar (?:bara|på sälj\w*)|har inte tillgång)",
    r"jag bara (?:säljer|levererar|delar ut|sköter|gör)",
    r"har inte tillgång",
    r"(?:jag|vi) (?:skickar|lämnar|slussar) (?:\w+ ){0,2}?(?:vidare|över till)",
    r"skicka\w* vidare",
    r"vidarebefordr\w*",
    r"eskaler\w*",
    r"(?:de|dom|någon|ekonomi|supporten|lagret) (?:kommer att |ska |kan )?(?:höra av sig|kontakta dig"
    r"|återkomma|hjälper (?:dig|er)|hjälpa (?:dig|er))",
    r"tredje part",
    r"extern (?:firma|part|transportör)",
    r"(?:postens|transportörens|tryckeriets|lagrets|leverantörens|postnords|budfirmans|ekonomis) (?:fel|ansvar)",
    r"skyll\w*",
    r"prata med (?:lagret|ekonomi|kundtjänst|supporten)",
)

#: Shrugging the problem off without passing it on.
SHRUG = rx(
    r"(?:should|will|ought to|might) (?:\w+ )?(?:arrive|be there|come|turn up|show up) (?:soon|any|shortly|tomorrow)",
    r"can be slow",
    r"(?:system|it) (?:says|shows) (?:delivered|sent)",
    r"weird",
    r"kommer (?:nog|säkert|snart|väl)",
    r"borde (?:komma|vara|dyka)",
    r"systemet (?:säger|visar)",
    r"konstigt",
    r"det händer",
    r"it happens",
)

#: Waiting for the customer: "let me know", "hör av dig", "let it mature".
PASSIVE = rx(
    r"let me know",
    r"lmk",
    r"give me a (?:shout|call|ring|buzz)",
    r"shout if",
    r"feel free to",
    r"don't hesitate",
    r"(?:get|come) back to me",
    r"reach out (?:if|when|whenever|anytime|any time)",
    r"whenever you(?:'re| are)? (?:ready|like|want)",
    r"when you(?:'re| are) ready",
    r"take your time",
    r"no (?:rush|pressure|stress|hurry|worries)",
    r"(?:i'll|i will) wait",
    r"wait (?:to|for) (?:hear|you)",
    r"hear from you",
    r"you know where (?:to find|i am)",
    r"you(?:'ve)? got my (?:number|details|email)",
    r"you have my (?:number|details)",
    r"ball is in your court",
    r"up to you",
    r"if (?:anything|something) changes",
    r"if you change your mind",
    r"talk (?:after|later|soon|then)",
    r"keep (?:me|us) (?:in mind|posted)",
    r"(?:any|if you have (?:any )?)questions",
    r"if (?:you )?need (?:anything|help|me)",
    r"i'm here if",
    r"sorry (?:to|for) bother\w*",
    r"hör (?:gärna )?av (?:dig|er)",
    r"återkom\b",
    r"(?:du |ni )?säg(?:er)? (?:bara )?till",
    r"tveka inte",
    r"när (?:ni|du) (?:är|känner (?:er|dig)) redo",
    r"ta (?:den )?tid (?:du|ni) behöver",
    r"i (?:din|er) takt",
    r"ingen (?:brådska|stress|press)",
    r"jag väntar",
    r"väntar på (?:ditt|ert|besked)",
    r"du vet var (?:jag finns|du hittar mig)",
    r"(?:du|ni) har mitt (?:nummer|mejl|mail)",
    r"bollen ligger hos",
    r"upp till (?:dig|er)",
    r"om något (?:ändras|förändras)",
    r"om (?:du|ni) ändrar (?:dig|er)",
    r"vi hörs(?: senare| efter| framöver| sen)?",
    r"om (?:du|ni) har (?:några |fler )?frågor",
    r"om (?:du|ni) behöver (?:hjälp|något|nåt)",
    r"(?:förlåt|ursäkta) att jag stör\w*",
    r"vill (?:inte|inte heller) störa",
    r"lycka till",
    r"have a (?:great|nice|good|lovely) (?:summer|day|weekend|one)",
    r"trevlig (?:sommar|helg|dag)",
)

#: The article's sin in so many words: letting the deal "mature".
MATURE = rx(
    r"let (?:it|this|things|the deal) (?:mature|sit|settle|breathe|rest)",
    r"låt(?:a|er)? (?:det|affären|saken) (?:mogna|vila|ligga)",
    r"(?:we'll|we will) see(?=\s*(?:[.!,]|$|later|then|how it goes|what happens))",
    r"vi får se(?=\s*(?:[.!,]|$|sen|hur det blir|vad som händer))",
)
