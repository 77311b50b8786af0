"""Character classes more than one stage guards against, written once (as fragments of a regular
expression's character class): reading drops them from text, IRIs percent-encode them, pages and log
lines print them as escapes, uploads refuse them in file names."""

#: Bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E/F, U+202A–E, U+2066–9): text
#: holding one displays as other text (比\u202e亚迪 reads backwards; 发展规划\u202etxt.exe.txt ends in .txt).
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
