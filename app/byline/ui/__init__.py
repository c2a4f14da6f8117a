"""The reader window, and the only place Qt is imported. ``byline.ui.app.run`` starts it."""
