"""Chinese display names of entity types and relations on the browse pages (the ontology's
rdfs:label@zh, plus a reading of each relation from its object's side)."""
from __future__ import annotations

#: Entity type → its ontology label (ontology/kg.ttl).
TYPE_LABEL = {
    "Policy": "政策",
    "Region": "地区",
    "Enterprise": "企业",
    "Industry": "产业",
    "Organization": "机构",
}

#: Relation → (label read from the subject, label read from the object).
RELATION_LABEL = {
    "issued_by": ("发布机构", "发布的政策"),
    "targets": ("针对产业", "针对它的政策"),
    "applies_to": ("适用地区", "适用于它的政策"),
    "located_in": ("位于", "位于此处的"),
    "operates_in": ("所属产业", "所属企业"),
    "develops": ("发展产业", "发展它的地区"),
    "part_of": ("隶属于", "下辖"),
}


def relation_label(relation: str, outgoing: bool) -> str:
    """How a fact's relation reads from the side of the entity whose page shows it."""
    forward, backward = RELATION_LABEL.get(relation, (relation, f"{relation}（反向）"))
    return forward if outgoing else backward
