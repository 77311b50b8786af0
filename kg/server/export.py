"""Blueprint: GET /export/<format> (owned by the exports work)."""
from flask import Blueprint

bp = Blueprint("export", __name__)
