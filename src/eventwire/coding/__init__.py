"""From predicates to events: verb patterns on the dependency parse -> CAMEO and PLOVER.

For each verb with a pattern in verbs.tsv, the subjects are the sources (one event per
conjoined subject: "China and Russia oppose" gives two), the object, or the object of
the pattern's preposition, is the target; in the passive the roles swap ("was condemned
by X"). Each event carries the modality the sentence gives it: negated ("did not
meet"), future ("will meet", "plans to meet"), hypothetical ("could meet", "if ...") or
asserted. An action announced for the future is also an asserted expression of intent
by its source (CAMEO 03/13, intent.tsv), dated when it was announced: this is how
CAMEO codes "X will meet Y". Likewise a refused action is a rejection ("will not meet": 12),
a plan under an ultimatum a threat ("will withdraw unless ...": 13), and what a speaker says
another must do a demand by the speaker ("said China must drop barriers": 10).

The stage is a package: `sentence` (one sentence's events, in tree order), `verbs` (a verb's
patterns and stances), `nouns` (event nouns), `demands` (demands in reported speech),
`subjects` (who does it), `targets` (to whom), `arguments` (the actors a phrase stands for),
`modality`, `tree` (small parse reads), `events` (building the record) and `commas` (PETRARCH's
comma clauses).
"""

from .events import Coded
from .sentence import code_sentence, sentence_contexts
from .verbs import STANCE_RULES

__all__ = ["STANCE_RULES", "Coded", "code_sentence", "sentence_contexts"]
