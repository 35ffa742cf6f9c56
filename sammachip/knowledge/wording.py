"""Thai (and English) for the knowledge records' codes (the labels: labels.KNOWLEDGE_STATES)."""
from ..domain.knowledge import state
from ..labels import KNOWLEDGE_STATES, label


def state_label(record) -> str:
    return label(KNOWLEDGE_STATES, state(record))
