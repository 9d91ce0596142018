"""Reading what people write: times and dates (:mod:`.times`), pasted tables (:mod:`.tables`).

Beside them: text folded for comparison and ids (:mod:`.folding`), the columns of a pasted
table (:mod:`.columns`), facilitators matched to a group (:mod:`.facilitators`) and kinds of
items guessed from titles (:mod:`.kinds`), which the agenda builder uses too.
"""
