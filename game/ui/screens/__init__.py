"""The screens, one class per module: title, name, picker, briefing, meeting, board, outcome,
debrief, pause. `chrome` holds the header and footer they share."""
