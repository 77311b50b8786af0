"""Blueprint: POST /documents, linking new documents into the graph (owned by the linking work)."""
from flask import Blueprint

bp = Blueprint("documents", __name__)
