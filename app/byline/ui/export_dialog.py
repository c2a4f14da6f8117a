"""File › Export notes as Markdown: which documents (the open one, those selected in the library,
or all), which template (a built-in one or the reader's own file), and where (one file, or a
folder with a file per document). The dialog only gathers the choice; the window checks for
files it would overwrite and runs the export on a worker."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

# Named here rather than imported from byline.exports: that module loads the quote extractor,
# which the window only loads on a worker.
BUILTIN_TEMPLATE_NAMES = {
    "full": "Full notes (document note, quotes, highlights)",
    "quotes": "Quotes only",
    "highlights": "Highlights only",
}
USER_TEMPLATE = "file"


class ExportScope(Enum):
    CURRENT = "current"
    SELECTED = "selected"
    ALL = "all"


@dataclass(frozen=True)
class ExportChoice:
    """What the reader chose: ``template`` is a built-in name or a template file's path;
    ``single_file`` writes everything into ``destination`` itself, else into that folder."""

    scope: ExportScope
    template: str
    destination: Path
    single_file: bool


class ExportDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        *,
        has_current: bool,
        selected_count: int,
        start_folder: Path,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export notes as Markdown")
        self.setMinimumWidth(520)
        self._start_folder = start_folder

        self.scope_buttons: dict[ExportScope, QRadioButton] = {
            ExportScope.CURRENT: QRadioButton("The open document", self),
            ExportScope.SELECTED: QRadioButton(
                f"The documents selected in the library ({selected_count})", self
            ),
            ExportScope.ALL: QRadioButton("Every document in the library", self),
        }
        self.scope_buttons[ExportScope.CURRENT].setEnabled(has_current)
        self.scope_buttons[ExportScope.SELECTED].setEnabled(selected_count > 0)
        self._scope_group = QButtonGroup(self)
        scope_box = QVBoxLayout()
        for button in self.scope_buttons.values():
            self._scope_group.addButton(button)
            scope_box.addWidget(button)
        default = (
            ExportScope.SELECTED
            if selected_count > 1
            else ExportScope.CURRENT
            if has_current
            else ExportScope.ALL
        )
        self.scope_buttons[default].setChecked(True)

        self.template_combo = QComboBox(self)
        for name, label in BUILTIN_TEMPLATE_NAMES.items():
            self.template_combo.addItem(label, name)
        self.template_combo.addItem("My template file…", USER_TEMPLATE)
        self.template_path = QLineEdit(self)
        self.template_path.setPlaceholderText("A Jinja template file (.md, .j2)")
        template_browse = QPushButton("Choose…", self)
        template_browse.clicked.connect(self._browse_template)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_path, 1)
        template_row.addWidget(template_browse)
        self.template_combo.currentIndexChanged.connect(self._template_changed)

        self.one_file = QRadioButton("One Markdown file", self)
        self.folder = QRadioButton("A folder, one file per document", self)
        self.one_file.setChecked(True)
        self._layout_group = QButtonGroup(self)
        self._layout_group.addButton(self.one_file)
        self._layout_group.addButton(self.folder)
        self.destination = QLineEdit(self)
        self.destination.setText(str(start_folder / "Byline notes.md"))
        destination_browse = QPushButton("Choose…", self)
        destination_browse.clicked.connect(self._browse_destination)
        destination_row = QHBoxLayout()
        destination_row.addWidget(self.destination, 1)
        destination_row.addWidget(destination_browse)
        layout_row = QHBoxLayout()
        layout_row.addWidget(self.one_file)
        layout_row.addWidget(self.folder)
        layout_row.addStretch(1)

        form = QFormLayout()
        form.addRow("Export", scope_box)
        form.addRow("Template", self.template_combo)
        form.addRow("", template_row)
        form.addRow("Write to", layout_row)
        form.addRow("", destination_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Export")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.destination.textChanged.connect(self._update_ok)
        self.template_path.textChanged.connect(self._update_ok)
        outer = QVBoxLayout(self)
        outer.addLayout(form)
        outer.addWidget(self.buttons)
        self._template_changed()

    # ------------------------------------------------------------------ the choice
    def choice(self) -> ExportChoice:
        scope = next(s for s, b in self.scope_buttons.items() if b.isChecked())
        name = str(self.template_combo.currentData())
        template = self.template_path.text().strip() if name == USER_TEMPLATE else name
        return ExportChoice(
            scope=scope,
            template=template,
            destination=Path(self.destination.text().strip()).expanduser(),
            single_file=self.one_file.isChecked(),
        )

    def set_choice(self, choice: ExportChoice) -> None:
        """Fill the dialog in (tests, and a later "export again" use this)."""
        self.scope_buttons[choice.scope].setChecked(True)
        index = self.template_combo.findData(choice.template)
        if index >= 0:
            self.template_combo.setCurrentIndex(index)
        else:
            self.template_combo.setCurrentIndex(self.template_combo.findData(USER_TEMPLATE))
            self.template_path.setText(choice.template)
        (self.one_file if choice.single_file else self.folder).setChecked(True)
        self.destination.setText(str(choice.destination))

    # ------------------------------------------------------------------ helpers
    def _template_changed(self) -> None:
        self.template_path.setEnabled(self.template_combo.currentData() == USER_TEMPLATE)
        self._update_ok()

    def _update_ok(self) -> None:
        ready = bool(self.destination.text().strip())
        if self.template_combo.currentData() == USER_TEMPLATE:
            ready = ready and bool(self.template_path.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def _browse_template(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Choose a template", str(self._start_folder), "Templates (*.md *.j2 *.txt *)"
        )
        if name:
            self.template_combo.setCurrentIndex(self.template_combo.findData(USER_TEMPLATE))
            self.template_path.setText(name)

    def _browse_destination(self) -> None:
        if self.one_file.isChecked():
            name, _ = QFileDialog.getSaveFileName(
                self,
                "Export to",
                self.destination.text(),
                "Markdown (*.md)",
                options=QFileDialog.Option.DontConfirmOverwrite,  # the window asks itself
            )
        else:
            name = QFileDialog.getExistingDirectory(self, "Export into", str(self._start_folder))
        if name:
            self.destination.setText(name)
