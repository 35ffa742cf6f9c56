"""Names vulture cannot see used: read by templates, by Flask/Flask-Login/Jinja
or SQLAlchemy event hooks, or database columns kept for the audit trail."""
# ruff: noqa: F821, B018

# Jinja environment and Flask-Login settings, read by the frameworks.
_.trim_blocks
_.lstrip_blocks
_.login_view
_.login_message
_.login_message_category
_.is_active
_.get_id  # Flask-Login puts it in the cookies
_.isolation_level
_.choices  # read by WTForms when it draws and checks a field
_.session_interface  # Flask's
_.no_cache  # Cache-Control fields, read by Werkzeug
_.max_age
_.immutable
_.process_formdata  # called by WTForms with what was posted

# A pytest hook (tests/conftest.py), called by pytest by its name.
_.pytest_collection_modifyitems

# SQLAlchemy event listeners (registered by decorator on the engine).
_.on_connect
_.on_begin

# Read by templates.
_.income_on_target
_.trainer_seats
_.steps_total
_.size
_.need_label
_.progress_label
_.hint
_.criteria_step
_.widget
_.option_widget

# Audit columns: written by the app, read by people looking at the database.
_.created_at
_.created_by_id
_.marked_by_id
_.marked_at
_.recorded_by_id  # a group's status change: who recorded it
_.recorded_at
_.income_last_month  # the old visit question, kept for old visits (its answers moved to occupation_income)
_.done_on  # an old step mark's date, shown by the process page (marks are no longer made)
# Trust: Flask-WTF's per-form settings class; a before_app_request hook.
_.Meta
_.set_up_second_factor_first
# PDPA: the photo feature registers its eraser here; a form field read by the template.
_.confirm
# Photos: Flask reads the app's request class; a photo's size is for people looking at the
# database; the back link's words are read by templates/photos/page.html.
_.request_class
_.size_bytes
_.back_label
_.erase_households_photos  # registered with domain/privacy.py's erasure by its decorator
# Search: a found row's fields, read by templates/search/_results.html.
_.href
_.masked_id
_.forget_tables  # called by migrations/env.py after every migration
_.field_flags  # read by WTForms from a validator (followups/forms.py one_of): draws the field required
