"""Qt-free core: the document model, quote extraction, anchoring and export."""
