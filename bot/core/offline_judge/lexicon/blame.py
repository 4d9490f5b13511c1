"""Passing the problem on or shrugging it off. Swedish and English together."""

from __future__ import annotations

from bot.core.offline_judge.patterns import rx

#: Passing the problem on: another department, the courier, "not my job".
BLAME = rx(
    r"not (?:my|our) (?:department|dept|job|area|problem|fault|responsibility|call|team|thing|remit)",
    r"not mine",
    r"(?:tracking|kolli|spårnings)\w* ?(?:number|nummer\w*)? (?:is|står|finns) (?:in|i)",
    r"(?:står|finns|is|are|it's) (?:\w+ )?(?:in|i) (?:your|the|din|er) (?:confirmation|orderbekräftelse|inbox|mejl|mail"
    r"|email|order confirmation)",
    r"(?:please )?(?:use|fill in|fill out) (?:the|our|a) (?:\w+ )?(?:form|self-service|portal)",
    r"(?:i|we) need you to (?:first )?(?:fill|send|call|contact|check|provide|email|submit)",
    r"(?:du|ni) (?:behöver|måste) (?:först )?(?:fylla i|skicka in|ringa|kontakta|mejla|maila)",
    r"(?:that's|that is|it's) (?:just )?(?:the|our) (?:process|procedure|policy|routine)",
    r"det är (?:så )?(?:rutinen|vår rutin|policyn|vår policy|processen)",
    r"(?:try|give) (?:them|the post|postnord) (?:another|a|one more) (?:try|call|ring|go)",
    r"(?:ring|ringa|prova|försök) (?:dem|posten|postnord) igen",
    r"(?:använd|använder du|fyll i|fyller du i) (?:formuläret|webbformuläret|portalen|självservice\w*)",
    r"formuläret på",
    r"(?:open|log|create|raise|file|register|send|submit|put in)\w* (?:a |an )?(?:new )?(?:ticket|case|service request)",
    r"(?:their|deras|dennes|hans|hennes) (?:sak|grej|bord|area|thing|call)",
    r"(?:give|send) you (?:their|the (?:courier's|printer's|carrier's)|his|her) (?:number|contact|details|email)",
    r"ge dig (?:deras|hans|hennes|deras direkt)\w* ?(?:nummer|kontakt\w*|mejl\w*|mail\w*)",
    r"ticket number",
    r"(?:isn't|is not|aren't|are not|not) (?:really |exactly )?(?:my|our) (?:area|department|thing|field|job"
    r"|responsibility|side)",
    r"(?:i'd|you could|you can|you might|better) try (?:the|their|calling|ringing|emailing)",
    r"try (?:calling|ringing|emailing) (?:the|their|them)",
    r"(?:they|partner|courier|carrier|warehouse|logistics|driver|printer)(?:'s)? (?:\w+ )?dropped the ball",
    r"(?:they|partner|courier|carrier|warehouse|logistics|driver|printer) (?:\w+ )?(?:messed|screwed) (?:it )?up",
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
    r"i(?:'m| am) (?:just |only )?(?:in )?sales",
    r"in (?:\w+'s|their|the courier's|the post's|postnords?) hands",
    r"(?:we|i) (?:don't|do not) have (?:any )?(?:visibility|access|insight)",
    r"(?:vi|jag) har (?:ingen|inte) (?:insyn|tillgång|koll)",
    r"try (?:them|calling them|support|the post|customer service) again",
    r"i (?:don't|do not) (?:handle|deal with|have access)",
    r"(?:they|someone|somebody|the team|billing|support|logistics)(?:'ll| will| should| can| would) (?:\w+ )?"
    r"(?:get back|contact|help|call|reach out|sort|be in touch)",
    r"(?:forward|escalate|pass|refer)\w* (?:\w+ )?(?:it|this|that|your \w+|you)(?: on)? to",
    r"(?:i'll|i will|let me) (?:forward|escalate|pass on|hand (?:it|this) over)",
    r"(?:it|this|your \w+) (?:is|gets|will be|has been|is being) (?:escalated|forwarded|passed on|referred)",
    r"(?:nobody|no one|no-one|noone)(?:'s|s)? (?:fault|mistake)",
    r"(?:is|are) handled by (?:our|the|a|another|a different) (?:\w+ )?(?:team|department|unit)",
    r"(?:hanteras|sköts) av (?:vår|en annan|den|vårt) \w+",
    r"(?:transfer|put) you (?:through )?to",
    r"(?:koppla|kopplar) (?:dig|er) (?:vidare|till|över)",
    r"(?:make|made|add|added) a note (?:on|in|to) (?:your|the) (?:account|case|file|ticket)",
    r"(?:noterar|antecknar|noterat|antecknat) (?:\w+ ){0,2}(?:i|på) (?:ditt|ert) (?:ärende|konto|kundkort)",
    r"ingens (?:fel|skuld)",
    r"(?:lyfter|lyfta|eskalerar|eskalera) (?:det|detta|ärendet|frågan) (?:internt|vidare|uppåt)",
    r"handled by (?:a |the |our )?(?:third|another|other|external|courier|post|separate)",
    r"(?:third|3rd)[- ]party",
    r"(?:it's|it is|its) (?:the|their) (?:courier|printer|post|warehouse|carrier)",
    r"(?:courier|printer|post office|postnord|warehouse|carrier)(?: who)? (?:messed|screwed|lost|failed|is to blame)",
    r"blame (?:the|it on|them|postnord|the post)",
    r"(?:is|are) to blame",
    r"not (?:up|down) to (?:me|us)",
    r"inte (?:min|vår) (?:avdelning|sak|grej|uppgift|bit)",
    r"inte (?:riktigt |direkt )?(?:mitt|vårt) (?:område|bord|ansvar|jobb|problem)",
    r"inte (?:riktigt |direkt )?(?:min|vår) (?:avdelning|grej|sak|bit)",
    r"testa (?:att ringa|att maila|chaufförens|deras|åkeriets|transportörens|numret)",
    r"(?:ta|tar) (?:det |det där |detta )?(?:med|upp med) (?:åkeriet|posten|postnord|transportören|dem|dom|lagret"
    r"|kundtjänst|ekonomi\w*|chauffören|budfirman)",
    r"(?:logistikpartner\w*|åkeri\w*|speditör\w*|transportör\w*|lagret|chauffören|tryckeriet) (?:har )?(?:strulat"
    r"|missat|klantat|slarvat|tappat)",
    r"inte (?:mitt|vårt) (?:bord|fel|ansvar|problem|område|jobb)",
    r"(?:asked|told|emailed|mailed) (?:them|him|her|the \w+|\w+) to (?:contact|call|get back|reach out|email|open"
    r"|look into|investigate|check)",
    r"(?:bett|bad|sagt åt) (?:dem|dom|honom|henne|\w+) (?:att )?(?:kontakta|ringa|höra av sig|maila|mejla)",
    r"(?:department|team|dept|logistics|billing|support|warehouse)s? (?:handles?|deals? with|is responsible for"
    r"|takes care of|manages?)",
    r"(?:\w*avdelning\w*|ekonomi|posten|postnord|transportören|tryckeriet|lagret|supporten|kundtjänst|kundservice)"
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
    r"jag (?:säljer bara|sitter på sälj\w*|jobbar (?:bara|på sälj\w*)|har inte tillgång)",
    r"jag bara (?:säljer|levererar|delar ut|sköter|gör)",
    r"har inte tillgång",
    r"(?:jag|vi) (?:skickar|lämnar|slussar) (?:\w+ ){0,2}?(?:vidare|över till)",
    r"skicka\w* vidare",
    r"vidarebefordr\w*",
    r"eskaler\w*",
    r"(?:de|dom|någon|ekonomi|supporten|lagret) (?:kommer att |ska |kan )?(?:höra av sig|hör av sig|kontakta dig"
    r"|återkomma|hjälper (?:dig|er)|hjälpa (?:dig|er))",
    r"tredje part",
    r"extern (?:firma|part|transportör)",
    r"(?:postens|transportörens|tryckeriets|lagrets|leverantörens|postnords|budfirmans|ekonomis) (?:fel|ansvar)",
    r"skyll\w*",
    r"(?:fel|misstag|problem) (?:på|hos) (?:er|din|dig)(?: sida)?",
    r"(?:error|mistake|problem|issue|fault) (?:on|at) your (?:end|side)",
    r"you (?:must|may|might) have (?:\w+ )?(?:ordered|entered|typed|chosen|picked|selected|clicked)",
    r"(?:du|ni) (?:måste|har nog|har väl|kan) ha (?:\w+ )?(?:beställt|valt|skrivit|angett|klickat)",
    r"(?:,|och) inte (?:mitt|vårt|min|vår)(?=\s*[.!,;]|\s*$)",
    r"(?:återkommer|hör|kontaktar) (?:de|dom)(?!\w)",
    r"(?:skapa|skapar|lägga|lägger|öppna|öppnar|registrera|registrerar|skicka|skickar|logga|loggar) (?:\w+ )?ärende\w*",
    r"ärendenummer",
    r"prata med (?:lagret|ekonomi|kundtjänst|supporten)",
)

#: Shrugging the problem off without passing it on.
SHRUG = rx(
    r"(?:should|will|ought to|might) (?:\w+ )?(?:arrive|be there|come|turn up|show up) (?:soon|any|shortly|tomorrow)",
    r"can be slow",
    r"(?:system|tracking|it) (?:\w+ )?(?:says|shows|said|showed)",
    r"are you sure",
    r"weird",
    r"kommer (?:nog|säkert|snart|väl)",
    r"borde (?:komma|vara|dyka)",
    r"(?:systemet|spårningen) (?:\w+ )?(?:säger|visar|sa)",
    r"är du säker",
    r"konstigt",
    r"det händer",
    r"it happens",
    r"(?:these|such) things happen",
    r"sånt (?:händer|kan hända)",
    r"enligt (?:systemet|spårningen|våra system|vårt system)",
    r"according to (?:the |our )?(?:system|tracking)",
)
