# Reviewed list of what vulture cannot see used (`make lint` runs vulture with it).
# Each name is called by a framework, not by our code; add one only with its reason.

# click registers commands by decorator and sets the context object.
db_path_command
db_init
db_check
db_backup
db_backups
db_restore
rename
delete
gui
list_checks
export_checks
import_checks
delete_check
_.obj

# Qt calls these overrides of QAbstractItemModel, QLayout, QUndoCommand and QObject.
columnCount
headerData
mimeTypes
supportedDragActions
supportedDropActions
itemAt
takeAt
expandingDirections
hasHeightForWidth
heightForWidth
eventFilter
redo
undo
shutdown  # invoked by name through QMetaObject.invokeMethod

# Kept alive on purpose: the progress dialog of the running export.
progress_dialog

# Fields read from files and the database, kept as data even where no screen shows them yet.
licence
updated_at

# pytest finds hooks, marks and fixtures by name (a fixture used only for its effect is a
# parameter nobody reads).
pytest_addoption
pytest_configure
pytest_sessionfinish
pytest_runtest_logreport
pytestmark
exitstatus
_no_user_database
pdf_tools
umask_022
spanish

# html.parser calls its handlers by name.
handle_starttag
large_text

# sqlite3 reads the row factory it is given.
row_factory

# The hub: click registers its commands, FastAPI its routes and exception handlers, by
# decorator; psycopg and uvicorn read the attributes we set.
init_command
load_command
user_add
user_revoke
proposals_command
approve_command
reject_command
serve_command
invalid
openapi
service_at_location
whoami
list_proposals
_.itersize
_.autocommit
_.should_exit
# Resource fields read generically (to_dict, CSV/HSDS columns, the database row) and shown by
# later views; vulture sees only their declaration.
description_es
phone_note

# Check-ups (issue 15): the service method desktop sync with a hub (issue 18) calls.
checkups_to_send
# Desktop sync: click registers the commands; http.server calls the test server's handlers and
# reads its daemon_threads.
sync_command
propose_command
outbox_command
do_GET
log_message
_.daemon_threads
# pytest runs autouse fixtures by their decorator.
_english_locale
_back_to_english
