"""Reference data: administrative divisions, named regions, state bodies, industry taxonomy."""
