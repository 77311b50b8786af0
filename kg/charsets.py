"""Character classes more than one stage guards against, written once (as fragments of a regular
expression's character class): reading drops them from text, IRIs percent-encode them, pages and log
lines print them as escapes, uploads refuse them in file names."""

#: Bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E/F, U+202A–E, U+2066–9): text
#: holding one displays as other text (比\u202e亚迪 reads backwards; 发展规划\u202etxt.exe.txt ends in .txt).
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
#: Zero-width spaces and joiners, the word joiner and the byte-order mark (U+200B–D, U+2060, U+FEFF):
#: layout no text shows, so a name holding one looks like another (南京\u200b市 is not 南京市).
ZERO_WIDTH = "\u200b-\u200d\u2060\ufeff"
#: The non-characters of the Basic Multilingual Plane (U+FDD0–EF, U+FFFE, U+FFFF): no text holds them,
#: XML 1.0 forbids U+FFFE/F.
NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff"
#: What XML 1.0 forbids even escaped: C0 controls but tab and line breaks, lone surrogates, U+FFFE/F.
XML_FORBIDDEN = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
