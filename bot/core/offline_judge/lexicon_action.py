"""Phrases for owning a problem, proposing a next step and acknowledging the customer."""

from __future__ import annotations

from bot.core.offline_judge.patterns import rx

_I_WILL = (
    r"(?:i(?:'ll| will|'m going to| am going to|'m gonna| can| shall)|let me|i(?:'m| am) (?:on it|gonna)"
    r"|we(?:'ll| will))"
)
_JAG = r"(?:jag|vi) (?:ska |kommer att |kommer |kan |tänker )?"

#: Claiming the problem: "that's on me", "så får det inte gå till".
OWN = rx(
    r"(?:that's|that is|it's|it is|thats|its|this is) (?:on (?:me|us)|my (?:fault|bad|responsibility|mistake)"
    r"|our (?:fault|responsibility|mistake))",
    r"(?:it's|that's) on me now",
    r"my bad",
    r"my fault",
    r"our (?:fault|mistake)",
    r"we (?:messed|screwed|dropped|slipped) (?:up|the ball)",
    r"i(?:'ll| will) take (?:this|it|that) (?:one|on)?",
    r"i take (?:full )?(?:responsibility|ownership)",
    r"(?:i|we)(?:'ll| will)? own (?:this|it|the|that)",
    r"jag äger (?:det här|detta|det|frågan)",
    r"(?:i|we)(?:'ll| will)? take (?:full )?(?:ownership|responsibility) (?:of|for)",
    r"leave it (?:with|to) me",
    r"i(?:'m| am) on it",
    r"(?:not|isn't|is not|shouldn't be|should not be) (?:ok|okay|acceptable|good enough|how it should be)",
    r"that's not (?:ok|okay|acceptable|on)",
    r"(?:that |this )?(?:shouldn't|should not) (?:have )?happen\w*",
    r"unacceptable",
    r"det är (?:mitt|vårt) (?:ansvar|fel)",
    r"det e (?:mitt|vårt) (?:ansvar|fel)",
    r"mitt (?:fel|ansvar)",
    r"vårt (?:fel|ansvar)",
    r"vi har (?:klantat|strulat|missat|gjort fel|slarvat)",
    r"det tar jag(?: på mig)?",
    r"(?:det här|detta) tar jag(?: på mig)?",
    r"jag tar (?:på mig|ansvar\w*|hand om (?:det|detta|saken)|det här)",
    r"(?:så får|så ska) det inte (?:gå till|vara)",
    r"det ska inte (?:vara så|behöva|hända)",
    r"det är inte (?:okej|ok|acceptabelt)",
    r"inte (?:okej|acceptabelt|godkänt)",
    r"oacceptabelt",
    r"lämna det (?:till|åt) mig",
    r"jag är på det",
)

#: Doing something concrete about the problem.
OWN_ACT = rx(
    rf"{_I_WILL} (?:\w+ ){{0,3}}?(?:fix|sort|solve|handle|take care|make sure|ensure|drive|bring|deliver"
    r"|come over|come by|drop (?:them|it|by)|reprint|print|replace|refund|correct|rectify|get (?:you|them|it|a new"
    r"|new|\d+)|send (?:you )?(?:a |the )?(?:new|replacement|corrected|fresh)|courier|rush|personally)",
    r"(?:i|we)(?:'ll| will) (?:\w+ ){0,4}?(?:myself|ourselves|personally)",
    r"you'll have (?:a|the|them|it|new|\d+)",
    r"(?:they|it|the cards|the chairs|the invoice)(?:'ll| will) be with you",
    rf"{_JAG}(?:\w+ ){{0,2}}?(?:fixar|fixa|ordnar|ordna|löser|lösa|tar hand om|ser till|se till|kör|köra"
    r"|åker|åka|kommer över|kommer förbi|levererar|leverera|trycker|trycka|skickar (?:nya|en ny|ersättning)"
    r"|ersätter|ersätta|rättar|rätta|lastar|lasta|går ner|går till|går över|tar det|tar med)",
    r"(?:jag|vi) (?:\w+ ){0,4}(?:själv|själva|personligen)",
    r"(?:jag|vi) (?:\w+ )?(?:skickar|kör|bokar|ordnar|lastar|trycker) (?:en|ett|nya|ny|ersättning|bil|bud)\w*",
    r"(?:jag|vi) har (?:redan )?(?:bokat|skickat|ordnat|beställt|ringt|pratat|tryckt|lagt|satt|fixat|löst)",
    r"(?:i've|we've|i have|we have) (?:already )?(?:booked|sent|arranged|ordered|called|spoken|printed|put|fixed"
    r"|sorted|got|asked|escalated it myself)",
    r"i'm (?:sending|driving|bringing|printing|loading|booking|fixing|sorting|getting|putting|calling the)",
    r"(?:du|ni) (?:får|ska få|har|kommer att ha) (?:den|dem|det|korten|\w+) (?:före|innan|senast|i ?morgon|i ?dag"
    r"|i ?kväll|inom)",
    r"(?:får|har) (?:du|ni) (?:den|dem|det|\w+) (?:före|innan|senast|i ?morgon|i ?dag|i ?kväll|inom)",
    r"(?:it|they|the \w+|your \w+)(?:'ll| will) be (?:with you|there|at yours|on your desk|on site|delivered)",
    # Swedish puts the verb before the subject after an adverb: "så tar jag det", "i dag kör jag".
    r"(?:fixar|ordnar|löser|tar|kör|ser|åker|kommer|skickar|trycker|levererar|går|lastar|rättar|ersätter|byter)"
    r" (?:jag|vi) (?:\w+ ){0,2}?(?:det|dem|den|dom|hand om|till|över|förbi|själv|själva|nya|ny|en ny|direkt|nu|ut"
    r"|personligen)",
    r"(?:du|ni) (?:får|ska få|har) (?:korten|dem|en rättad|nya|\d+)",
    r"(?:hos|med) (?:dig|er) (?:innan|före|senast|i ?morgon|i ?kväll|i ?dag)",
)

#: Looking into the problem without yet fixing it.
OWN_CHECK = rx(
    rf"{_I_WILL} (?:\w+ ){{0,2}}?(?:check|look into|find out|chase|track|investigate|call (?:the|our|them|the"
    r" courier|the printer)|dig into|follow up)",
    rf"{_JAG}(?:\w+ ){{0,2}}?(?:kollar|kolla|tar reda|undersöker|undersöka|jagar|jaga|spårar|spåra|ringer"
    r" (?:tryckeriet|posten|transportören|lagret|budfirman|leverantören|dem|ekonomi))",
    r"ringer (?:tryckeriet|posten|transportören|lagret|budfirman)",
    r"(?:kollar|undersöker|jagar|spårar|ringer|hör) (?:jag|vi) (?:\w+ ){0,2}?(?:upp|med|direkt|nu|vad|var)",
)

#: Saying sorry.
APOLOGY = rx(
    r"sorry",
    r"apolog\w*",
    r"my apologies",
    r"förlåt",
    r"ursäkta",
    r"ber om ursäkt",
    r"beklagar",
)

#: Actions that move a deal: meeting, call, visit, demo, trial.
STEP_STRONG = rx(
    r"meet\w*",
    r"catch up",
    r"(?:a|quick|short|brief|\d+[- ]?min(?:ute)?s?|phone|video|zoom|teams) (?:call|chat|talk|meeting)",
    r"call (?:you|u|me|back|on|at|tomorrow|next)",
    r"phone",
    r"ring (?:you|dig|er)",
    r"visit\w*",
    r"come (?:by|over|round|in)",
    r"(?:pop|drop|stop|swing) (?:by|in|over)",
    r"demo\w*",
    r"show (?:you|u)",
    r"walk (?:you )?through",
    r"walk-through",
    r"go (?:through|over)",
    r"run through",
    r"review",
    r"workshop",
    r"coffee",
    r"book\w*",
    r"pencil (?:in|you in|it in)",
    r"schedule\w*",
    r"set up",
    r"trial",
    r"pilot",
    r"samples?",
    r"pick-?up",
    r"pick (?:it|them) up",
    r"ready for (?:pickup|you|collection)",
    r"set (?:a pair|one|some|it) aside",
    r"put (?:a pair|one|some|it) aside",
    r"follow up",
    r"check in",
    r"touch base",
    r"hear where",
    r"ses",
    r"träffa\w*",
    r"träff",
    r"möte\w*",
    r"mötas",
    r"ring(?:a|er|s)? (?:dig|er|upp)",
    r"ringa",
    r"ringer",
    r"samtal\w*",
    r"besök\w*",
    r"(?:komma|kommer|titta|tittar|kika|kikar|svänga|svänger|åka|åker) (?:\w+ )?(?:förbi|över|ut)",
    r"demo\w*",
    r"visa\w*",
    r"gå igenom",
    r"går igenom",
    r"genomgång\w*",
    r"fika",
    r"prova\w*",
    r"testa\w*",
    r"provperiod\w*",
    r"prover",
    r"följa upp",
    r"följer upp",
    r"stämma av",
    r"stämmer av",
    r"hämtning",
    r"hämta",
    r"lägga undan",
    r"lägger undan",
    r"reserver\w*",
    r"sätta (?:\d+ min|ett möte|en tid|upp)",
    r"boka\w*",
    r"höra var",
    r"hör (?:av mig|med dig)",
    r"höra av mig",
)

#: Actions that only hand something over: send a quote, a price list, a link.
STEP_WEAK = rx(
    r"send\w*",
    r"e-?mail\w*",
    r"quote",
    r"proposal",
    r"contract",
    r"link",
    r"brochure",
    r"checklist",
    r"get back to (?:you|u)",
    r"have it over",
    r"submit",
    r"skicka\w*",
    r"maila\w*",
    r"mejla\w*",
    r"offert\w*",
    r"förslag\w*",
    r"avtal\w*",
    r"länk\w*",
    r"underlag\w*",
    r"återkomm\w*",
    r"lämna\w* (?:\w+ )?(?:pris|bud|anbud)",
)

#: Offering a slot: counts as a step when a day or time is named.
SLOT = rx(
    r"(?:work|works|suit|suits) (?:for )?(?:you|u|ya)",
    r"are you (?:free|available|around|in)",
    r"do you have (?:time|a minute|\d+ min\w*)",
    r"har (?:du|ni) tid",
    r"passar (?:det|dig|er)",
    r"funkar (?:det|för dig|för er)",
    r"är (?:du|ni) ledig\w*",
    r"i can do(?=\s+(?:mon|tue|wed|thu|fri|sat|sun|\d|tomorrow|next|this (?:afternoon|morning|evening)))",
    r"jag kan (?:på|i)",
    r"(?:can|could|shall|should) we",
    r"how about",
    r"what about",
    r"(?:kan|ska|skulle) vi",
    r"vad sägs om",
    r"hur låter",
    r"pencil (?:in|you in|it in)",
)

#: The rep (or rep and customer together) commits or proposes.
PROPOSE = rx(
    r"i (?:can|could|will|would|shall|suggest|propose|want|wanna|have|am|could|might|may)",
    r"i'll",
    r"i'd",
    r"i'm",
    r"we",
    r"we'll",
    r"let's",
    r"let us",
    r"let me",
    r"shall",
    r"how about",
    r"what about",
    r"jag",
    r"vi",
    r"oss",
    r"låt oss",
    r"vad sägs om",
    r"hur låter",
    r"passar",
    r"funkar",
    r"förslag",
    r"want me to",
    r"(?:shall|should|can|may) i",
    r"would you like",
    r"do you want",
    r"would it help",
    r"up for",
    r"ska jag",
    r"vill (?:du|ni)",
    r"kan jag",
    r"får jag",
)

#: A purpose or agenda attached to the step.
PURPOSE = rx(
    r"to (?:go through|go over|walk|show|look at|review|see|hear|sketch|check|compare|understand|map)",
    r"so (?:that|we|i|you)",
    r"and (?:go through|show|look at|walk)",
    r"för att",
    r"så (?:att|kan|får|ser|går|tar|har|visar|blir)",
    r"och (?:gå igenom|visa|titta på|se)",
    r"med (?:er|din) inköpschef",
    r"with (?:your|the) (?:procurement|team|boss|cfo|buyer)",
    r"i'll bring",
    r"jag tar med",
    r"\d{1,2}(?:[:.]\d{2})? or",
    r"\d{1,2}(?:[:.]\d{2})? eller",
)

#: Acknowledging the customer's view or feelings.
EMPATHY = rx(
    r"i (?:totally |completely |fully |really |can )?(?:understand|get it|get that|hear you|see why|imagine)",
    r"(?:totally|completely|i) get it",
    r"understood",
    r"makes sense",
    r"fair (?:enough|point)",
    r"(?:totally|completely|that's|that is|thats) fair",
    r"(?:good|great|fair) (?:question|point)",
    r"(?:that |it )?sounds (?:frustrating|stressful|annoying|tough|hard|awful|like a)",
    r"(?:that's|that is|how) (?:frustrating|annoying|stressful|awful)",
    r"(?:so|really|very) sorry",
    r"i(?:'m| am) sorry",
    r"sorry (?:to hear|about)",
    r"thanks?(?: you)?(?: so much)? for",
    r"i appreciate",
    r"appreciate (?:it|that|you)",
    r"(?:glad|good|great) to hear",
    r"great that",
    r"no wonder",
    r"i respect",
    r"respect that",
    r"oh no",
    r"ugh",
    r"that sucks",
    r"jag förstår",
    r"förstår(?: precis| helt)?",
    r"det förstår jag",
    r"jag hör (?:vad du säger|dig|vad ni säger)",
    r"det låter (?:frustrerande|jobbigt|stressigt|tufft|rimligt|klokt)",
    r"(?:vad|så) (?:tråkigt|jobbigt|frustrerande|synd)",
    r"tråkigt att höra",
    r"rimligt",
    r"helt rätt",
    r"bra (?:fråga|poäng)",
    r"tack för",
    r"uppskattar",
    r"(?:vad|så) (?:bra|kul|roligt|skönt)",
    r"kul att höra",
    r"skönt att höra",
    r"det respekterar jag",
    r"respekterar",
    r"helt (?:okej|ok|förståeligt)",
    r"förståeligt",
    r"jag kan tänka mig",
    r"åh nej",
    r"det hade jag också",
    r"förlåt",
    r"beklagar",
)
