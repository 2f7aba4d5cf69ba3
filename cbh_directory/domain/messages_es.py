"""The app's messages in Spanish: errors from the core, what the command line prints.

Keys are the English templates exactly as the code writes them; `{name}` placeholders,
with their `!r` and format specs, are kept.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # Command line
    "a check-up must count for at least 1 day": "una revisión debe valer al menos 1 día",
    "{reason} (the newest good backup is {backup}: cbh-directory db restore --latest)": (
        "{reason} (la copia de seguridad buena más reciente es {backup}: "
        "cbh-directory db restore --latest)"
    ),
    "--by goes with --verified": "--by se usa junto con --verified",
    "--set: unknown field {unknown!r} (did you mean {close}?); the fields are: {fields}": (
        "--set: el campo {unknown!r} no existe (¿quiso decir {close}?); los campos son: {fields}"
    ),
    "--set: unknown field {unknown!r}; the fields are: {fields}": (
        "--set: el campo {unknown!r} no existe; los campos son: {fields}"
    ),
    "--set {item!r}: use FIELD=VALUE": "--set {item!r}: escriba CAMPO=VALOR",
    "--map {item!r}: use COLUMN=FIELD": "--map {item!r}: escriba COLUMNA=CAMPO",
    "--map {item!r}: the file has no column {column!r}; its columns are: {headers}": (
        "--map {item!r}: el archivo no tiene la columna {column!r}; sus columnas son: {headers}"
    ),
    "--map {item!r}: there is no field {field!r}; the fields are: {fields} "
    "(leave it empty, COLUMN=, to skip the column)": (
        "--map {item!r}: no existe el campo {field!r}; los campos son: {fields} "
        "(déjelo vacío, COLUMNA=, para no usar la columna)"
    ),
    "no database at {path}": "no hay ninguna base de datos en {path}",
    "give the backup to restore, or --latest": (
        "indique la copia de seguridad que quiere restaurar, o --latest"
    ),
    "no such file: {path}": "no existe el archivo: {path}",
    "{name} cannot be restored: {reason}": "no se puede restaurar {name}: {reason}",
    "no good backup of {name} in {folder}": (
        "no hay ninguna copia de seguridad buena de {name} en {folder}"
    ),
    "no database given: use --dsn or set {dsn_env}": (
        "no se indicó ninguna base de datos: use --dsn o defina {dsn_env}"
    ),
    "the hub needs its extra packages ({name}): pip install 'cbh-directory[hub]'": (
        "el servidor central necesita sus paquetes adicionales ({name}): "
        "pip install 'cbh-directory[hub]'"
    ),
    "{editor!r} is not a hub editor or admin": (
        "{editor!r} no es editor ni administrador del servidor central"
    ),
    "{missing!r} is not in the list {name!r}": "{missing!r} no está en la lista {name!r}",
    "choose one of --json and --csv": "elija solo una opción: --json o --csv",
    "--sort distance needs --near PLACE": "--sort distance necesita --near LUGAR",
    "--radius needs --near PLACE": "--radius necesita --near LUGAR",
    "give a RESOURCE_ID, or --checkups": "indique un ID_DE_RECURSO, o --checkups",
    "give the address of the agency directory (URL)": (
        "indique la dirección (URL) del directorio de la agencia"
    ),
    # Values people type
    "bad dataset version {version!r}: use numbers such as 2026.11.24": (
        "versión de datos no válida {version!r}: use números como 2026.11.24"
    ),
    "cannot tell the format from {name!r}: use a name ending in {endings}": (
        "no se sabe qué formato usar para {name!r}: use un nombre que termine en {endings}"
    ),
    "unknown column {column!r}; choose from: {columns}": (
        "la columna {column!r} no existe; elija entre: {columns}"
    ),
    "unknown language {code!r}: use one of {languages}": (
        "idioma desconocido {code!r}: use uno de estos: {languages}"
    ),
    "a list needs a name": "una lista necesita un nombre",
    "a list name needs letters, digits or signs that can be seen": (
        "el nombre de una lista necesita letras, números u otros signos visibles"
    ),
    "a list name can have at most {max_name} characters": (
        "el nombre de una lista puede tener como máximo {max_name} caracteres"
    ),
    "{text!r} is not a phone number": "{text!r} no es un número de teléfono",
    "{text!r} is not a possible phone number for {region}": (
        "{text!r} no puede ser un número de teléfono de {region}"
    ),
    "bad radius {text!r}: use a number with mi or km, e.g. 50mi or 80km": (
        "radio no válido {text!r}: escriba un número con mi o km, por ejemplo 50mi u 80km"
    ),
    "bad radius {text!r}: must be more than 0 and at most 20000": (
        "radio no válido {text!r}: debe ser mayor que 0 y como máximo 20000"
    ),
    "must be a list of text": "debe ser una lista de textos",
    "must be between -90.0 and 90.0": "debe estar entre -90 y 90",
    "must be between -180.0 and 180.0": "debe estar entre -180 y 180",
    "resource {id}": "el recurso {id}",
    "unknown {what} {text!r}; choose from: {listed}": (
        "{what}: no se reconoce {text!r}; elija entre: {listed}"
    ),
    "unknown {what} {text!r}; did you mean: {hint}?": (
        "{what}: no se reconoce {text!r}; ¿quiso decir: {hint}?"
    ),
    "kind": "tipo",
    "focus": "enfoque",
    "moderation": "moderación",
    "member activity": "actividad de los miembros",
    "format": "formato",
    "language": "idioma",
    "service type": "tipo de servicio",
    "cost": "costo",
    "country": "país",
    "region": "región",
    "a name or initials cannot hold control characters": (
        "un nombre o unas iniciales no pueden tener caracteres de control"
    ),
    "a name or initials must be at most {max_signature} characters": (
        "un nombre o unas iniciales pueden tener como máximo {max_signature} caracteres"
    ),
    "unknown place: {query!r} (did you mean: {suggestions}?)": (
        "lugar desconocido: {query!r} (¿quiso decir: {suggestions}?)"
    ),
    "unknown place: {query!r} (try a US ZIP code, 'City, ST' or 'City, Country')": (
        "lugar desconocido: {query!r} (pruebe con un código postal de EE. UU., "
        "'Ciudad, ST' o 'Ciudad, País')"
    ),
    "invalid {what}: {detail}": "{what} tiene datos no válidos: {detail}",
    "record": "el registro",
    "check-up": "la revisión",
    "no place given: type a US ZIP code, 'City, ST' or 'City, Country'": (
        "no se indicó ningún lugar: escriba un código postal de EE. UU., "
        "'Ciudad, ST' o 'Ciudad, País'"
    ),
    "place name is too long": "el nombre del lugar es demasiado largo",
    "unknown country code {country!r}; use ISO codes such as US, GB, CA": (
        "código de país desconocido {country!r}; use códigos ISO como US, GB, CA"
    ),
    "region {text!r} is more than one place; say which: {options}": (
        "la región {text!r} corresponde a más de un lugar; diga cuál: {options}"
    ),
    "unknown sort {sort!r}; choose from: {sort_keys}": (
        "orden desconocido {sort!r}; elija entre: {sort_keys}"
    ),
    "the radius must be more than 0": "el radio debe ser mayor que 0",
    "offset and limit must not be negative": "offset y limit no pueden ser negativos",
    "unknown {id} {unknown!r}; choose from: {allowed}": (
        "{id}: no se reconoce {unknown!r}; elija entre: {allowed}"
    ),
    "bad date {verified_before!r}: use YYYY-MM-DD": (
        "fecha no válida {verified_before!r}: use AAAA-MM-DD"
    ),
    "the review age must be between 1 day and 10 years": (
        "el plazo de revisión debe estar entre 1 día y 10 años"
    ),
    "a check-up must count for between 1 day and 10 years": (
        "una revisión debe valer entre 1 día y 10 años"
    ),
    # Files: the app's JSON, check-ups, lists, CSV, text
    'not a CBH Directory file (expected "format": "cbh-directory")': (
        'no es un archivo de CBH Directory (se esperaba "format": "cbh-directory")'
    ),
    "bad format_version {format_version!r}": "format_version no válido {format_version!r}",
    "this file was written by a newer version of CBH Directory": (
        "este archivo lo escribió una versión más nueva de CBH Directory"
    ),
    'the file has no "resources" list': 'el archivo no tiene una lista "resources"',
    "{name} is not valid UTF-8 JSON: {reason}": "{name} no es JSON UTF-8 válido: {reason}",
    "cannot read the dataset {path}: {reason}": ("no se pueden leer los datos {path}: {reason}"),
    "not an object": "no es un objeto",
    "duplicate id {id!r}": "id repetido {id!r}",
    "resource #{number}: {reason}": "recurso n.º {number}: {reason}",
    "cannot write in {folder}: {reason}": "no se puede escribir en {folder}: {reason}",
    "cannot write {path}: {reason}": "no se puede escribir {path}: {reason}",
    "the zip came out damaged ({reason})": "el zip salió dañado ({reason})",
    "members missing": "faltan archivos",
    "the zip came out unreadable ({reason}); is the disk full?": (
        "el zip salió ilegible ({reason}); ¿está lleno el disco?"
    ),
    '"checkups" must be a list': '"checkups" debe ser una lista',
    "more than {max_checkups:,} check-ups": "más de {max_checkups:,} revisiones",
    '{name} is not a check-ups file (expected "format": "{format_name}")': (
        '{name} no es un archivo de revisiones (se esperaba "format": "{format_name}")'
    ),
    "these check-ups were saved by a newer version of CBH Directory": (
        "estas revisiones las guardó una versión más nueva de CBH Directory"
    ),
    "{name} is not a regular file (a folder, device or pipe)": (
        "{name} no es un archivo normal (es una carpeta, un dispositivo o una tubería)"
    ),
    "{name} is too large for a check-ups file ({st_size:,} bytes; the limit is {limit})": (
        "{name} es demasiado grande para un archivo de revisiones ({st_size:,} bytes; "
        "el límite es {limit})"
    ),
    "{name} is not a valid check-ups file: {reason}": (
        "{name} no es un archivo de revisiones válido: {reason}"
    ),
    "cannot read {path}: {reason}": "no se puede leer {path}: {reason}",
    "the check-ups file has a bad format_version": (
        "el archivo de revisiones tiene un format_version no válido"
    ),
    "{name} is empty": "{name} está vacío",
    "{name} has no header row": "{name} no tiene fila de encabezados",
    "{name} has two columns with the same name": "{name} tiene dos columnas con el mismo nombre",
    "{source}: columns mapped to fields that do not exist: {unknown}; the fields are: {fields}": (
        "{source}: hay columnas asignadas a campos que no existen: {unknown}; "
        "los campos son: {fields}"
    ),
    "{source}: no column is mapped to the name": (
        "{source}: ninguna columna está asignada al nombre"
    ),
    "{source}: two columns are mapped to the same field": (
        "{source}: dos columnas están asignadas al mismo campo"
    ),
    "{name} is not valid text: {reason}": "{name} no es texto válido: {reason}",
    "{name}, line 1: {reason}": "{name}, línea 1: {reason}",
    "{name} is not valid {encoding} text": "{name} no es texto {encoding} válido",
    "{name}, line {line_num}: {reason}": "{name}, línea {line_num}: {reason}",
    "{name} is no longer valid {codec} text": "{name} ya no es texto {codec} válido",
    "{name} has more than {max_rows:,} rows": "{name} tiene más de {max_rows:,} filas",
    "cannot tell how to import {name!r}: use a .csv, .json or .ndjson file, or an HSDS data "
    "package (a folder or .zip of its tables)": (
        "no se sabe cómo importar {name!r}: use un archivo .csv, .json o .ndjson, o un paquete "
        "de datos HSDS (una carpeta o un .zip con sus tablas)"
    ),
    "{name} is an HSDS datapackage.json: import its folder or zip": (
        "{name} es un datapackage.json de HSDS: importe su carpeta o su zip"
    ),
    "{name} is not valid JSON (line {line}: {what})": (
        "{name} no es JSON válido (línea {line}: {what})"
    ),
    "{name} is not valid JSON (line {lineno}, column {colno}: {msg})": (
        "{name} no es JSON válido (línea {lineno}, columna {colno}: {msg})"
    ),
    "{name} is nested too deeply to be a data file": (
        "{name} tiene demasiados niveles anidados para ser un archivo de datos"
    ),
    "{name} holds a number too long to read ({reason})": (
        "{name} contiene un número demasiado largo para leerlo ({reason})"
    ),
    'not a CBH Directory list file (expected "format": "cbh-directory-list")': (
        'no es un archivo de lista de CBH Directory (se esperaba "format": "cbh-directory-list")'
    ),
    "this list was saved by a newer version of CBH Directory": (
        "esta lista la guardó una versión más nueva de CBH Directory"
    ),
    "the list file has no list name": "el archivo de lista no tiene nombre de lista",
    'the list file has no "items" list': 'el archivo de lista no tiene una lista "items"',
    "the list file has more than {max_items} items": (
        "el archivo de lista tiene más de {max_items} elementos"
    ),
    "the list file has a bad format_version": (
        "el archivo de lista tiene un format_version no válido"
    ),
    "the list file's name cannot be used: {reason}": (
        "no se puede usar el nombre del archivo de lista: {reason}"
    ),
    "item {number} is not an object": "el elemento {number} no es un objeto",
    "item {number} has a bad id {rid!r}": "el elemento {number} tiene un id no válido {rid!r}",
    "{name} is too large for a list file ({st_size:,} bytes; the limit is {limit})": (
        "{name} es demasiado grande para un archivo de lista ({st_size:,} bytes; "
        "el límite es {limit})"
    ),
    "{name} is not a valid list file: {reason}": (
        "{name} no es un archivo de lista válido: {reason}"
    ),
    "{name} is neither UTF-8 nor Windows-1252 text; save it as UTF-8 and try again": (
        "{name} no es texto UTF-8 ni Windows-1252; guárdelo como UTF-8 e inténtelo de nuevo"
    ),
    "{name} is not a regular file (a folder, a device or a pipe)": (
        "{name} no es un archivo normal (es una carpeta, un dispositivo o una tubería)"
    ),
    "{name} is too large to import ({st_size:,} bytes; the limit is {megabytes:,.0f} MB, "
    "{limit:,} bytes): split it into smaller files": (
        "{name} es demasiado grande para importarlo ({st_size:,} bytes; el límite es "
        "{megabytes:,.0f} MB, {limit:,} bytes): divídalo en archivos más pequeños"
    ),
    "{name} is not valid UTF-16 text": "{name} no es texto UTF-16 válido",
    "{name} is too large ({count:,} bytes)": "{name} es demasiado grande ({count:,} bytes)",
    "{name} is not a text file (it contains NUL bytes)": (
        "{name} no es un archivo de texto (contiene bytes NUL)"
    ),
    "{name} is not valid UTF-16 text: {reason}": "{name} no es texto UTF-16 válido: {reason}",
    # Zip files
    "the zip holds {count:,} files, more than the limit of {max_members:,}": (
        "el zip contiene {count:,} archivos, más del límite de {max_members:,}"
    ),
    "the zip would unpack to {size}, more than the {limit} limit": (
        "el zip ocuparía {size} al descomprimirlo, más del límite de {limit}"
    ),
    "the zip has no file {name}": "el zip no contiene el archivo {name}",
    "{name} in the zip is password-protected": "{name} está protegido con contraseña en el zip",
    "{name} is not a zip file (or it is damaged)": "{name} no es un archivo zip (o está dañado)",
    "cannot open {name} as a zip: {reason}": "no se puede abrir {name} como zip: {reason}",
    "the zip contains a path outside its folder: {filename}": (
        "el zip contiene una ruta fuera de su carpeta: {filename}"
    ),
    "the zip contains a symbolic link: {filename}": (
        "el zip contiene un enlace simbólico: {filename}"
    ),
    "the zip contains {name} twice": "el zip contiene {name} dos veces",
    "the zip member {name} would unpack to {size} from {packed} ({ratio:,.0f}:1); "
    "it looks like a zip bomb": (
        "el archivo {name} del zip pasaría de {packed} a {size} ({ratio:,.0f}:1); "
        "parece una bomba zip"
    ),
    "cannot unpack {name} from {name2}: {reason}": (
        "no se puede descomprimir {name} de {name2}: {reason}"
    ),
    "{name} in the zip is larger than the zip says; it may be damaged or a zip bomb": (
        "{name} ocupa más de lo que dice el zip; puede estar dañado o ser una bomba zip"
    ),
    # Writing files
    "export cancelled; no file was written": "exportación cancelada; no se escribió ningún archivo",
    "PDF handouts need the Qt renderer; none was given": (
        "las hojas informativas en PDF necesitan el generador de Qt, y no se indicó ninguno"
    ),
    "cannot write {path}: the PDF came out empty (is the disk full?)": (
        "no se puede escribir {path}: el PDF salió vacío (¿está lleno el disco?)"
    ),
    "cannot write {target}: the PDF has {pages} of its {painted} pages (is the disk full?); "
    "any earlier file there was left as it was": (
        "no se puede escribir {target}: el PDF tiene {pages} de sus {painted} páginas "
        "(¿está lleno el disco?); el archivo que ya existía se dejó como estaba"
    ),
    "the PDF's trailer names no document": "el final del PDF no indica ningún documento",
    "the PDF cannot be read back ({reason})": "no se puede volver a leer el PDF ({reason})",
    "cannot write {target}: {reason}; is the disk full? Any earlier file there was left as "
    "it was": (
        "no se puede escribir {target}: {reason}; ¿está lleno el disco? El archivo que ya "
        "existía se dejó como estaba"
    ),
    "the PDF has no end (its trailer is missing)": "el PDF no tiene final (le falta el cierre)",
    "{path} is a folder; give a file name": "{path} es una carpeta; indique un nombre de archivo",
    "{path} is not a regular file (a device or a pipe); refused": (
        "{path} no es un archivo normal (es un dispositivo o una tubería); no se usa"
    ),
    "{path} is an SQLite database (a directory database or a backup?); an export never "
    "replaces one: choose another file name": (
        "{path} es una base de datos SQLite (¿la del directorio o una copia de seguridad?); "
        "una exportación nunca la reemplaza: elija otro nombre de archivo"
    ),
    "{path} is in the backups folder {folder}; choose a file outside it": (
        "{path} está en la carpeta de copias de seguridad {folder}; elija un archivo fuera de ella"
    ),
    "{path} belongs to the database {base}; choose another name": (
        "{path} pertenece a la base de datos {base}; elija otro nombre"
    ),
    "{path} is the directory's own database ({side} file); choose another file name": (
        "{path} es la propia base de datos del directorio (archivo {side}); elija otro "
        "nombre de archivo"
    ),
    "{path} is the directory's own database; choose another file name": (
        "{path} es la propia base de datos del directorio; elija otro nombre de archivo"
    ),
    "cannot write {path}: the folder {parent} does not exist": (
        "no se puede escribir {path}: la carpeta {parent} no existe"
    ),
    # What the system says
    "no such file or folder": "no existe el archivo o la carpeta",
    "permission denied": "no tiene permiso",
    "the disk is full": "el disco está lleno",
    "the disk quota is used up": "se agotó el espacio asignado en el disco",
    "the disk is read-only": "el disco es de solo lectura",
    "it is a folder": "es una carpeta",
    "a part of the path is not a folder": "una parte de la ruta no es una carpeta",
    "the file already exists": "el archivo ya existe",
    "the disk could not be read or written": "no se pudo leer o escribir en el disco",
    "the file name is too long": "el nombre del archivo es demasiado largo",
    # HSDS packages and the agency's API
    "{url!r} is not an http(s) address of an HSDS API": (
        "{url!r} no es una dirección http(s) de una API HSDS"
    ),
    "{url!r}: give the API's address without a query, fragment or login": (
        "{url!r}: indique la dirección de la API sin consulta, fragmento ni usuario"
    ),
    "{url} redirected more than {max_redirects} times": (
        "{url} redirigió más de {max_redirects} veces"
    ),
    "{url} answered {code} to {what}{detail}": "{url} respondió {code} al {what}{detail}",
    "the sync was cancelled; nothing was changed": (
        "se canceló la sincronización; no se cambió nada"
    ),
    "{url} needs a valid token for {what}{detail}": (
        "{url} necesita un token válido para {what}{detail}"
    ),
    "{url} refused the token for {what}{detail}": "{url} rechazó el token para {what}{detail}",
    "{what}: the answer is larger than {limit}": "{what}: la respuesta ocupa más de {limit}",
    "{what}: the server sent more than {limit} in all": (
        "{what}: el servidor envió más de {limit} en total"
    ),
    "{url}/ is not an HSDS API (its root is not a JSON object)": (
        "{url}/ no es una API HSDS (su raíz no es un objeto JSON)"
    ),
    "{url} does not say it is an HSDS API 3.0 (version {version!r})": (
        "{url} no dice ser una API HSDS 3.0 (versión {version!r})"
    ),
    "reading the services: a service has no usable id": (
        "al leer los servicios: un servicio no tiene un id que se pueda usar"
    ),
    "reading the service {sid}: the answer is not a service object": (
        "al leer el servicio {sid}: la respuesta no es un objeto de servicio"
    ),
    "reading deletions: the answer has no contents list": (
        "al leer las eliminaciones: la respuesta no tiene lista de contenidos"
    ),
    "sending a proposal: the answer has no proposal id": (
        "al enviar una propuesta: la respuesta no tiene id de propuesta"
    ),
    "reading the state of proposals: the answer has no contents list": (
        "al leer el estado de las propuestas: la respuesta no tiene lista de contenidos"
    ),
    "the token has characters a token cannot have": (
        "el token tiene caracteres que un token no puede tener"
    ),
    "{url} redirected to another host ({host}); a sync only follows redirects on the same host": (
        "{url} redirigió a otro servidor ({host}); una sincronización solo sigue "
        "redirecciones dentro del mismo servidor"
    ),
    "{url} stopped sending ({what})": "{url} dejó de enviar datos ({what})",
    "{what}: the connection failed ({reason})": "{what}: falló la conexión ({reason})",
    "{what}: the answer is not UTF-8 text": "{what}: la respuesta no es texto UTF-8",
    "{reason} (the server's answer was not JSON)": (
        "{reason} (la respuesta del servidor no era JSON)"
    ),
    "{what}: more than {max_pages:,} pages; the server's paging does not end": (
        "{what}: más de {max_pages:,} páginas; la paginación del servidor no termina"
    ),
    "{what}: page {page} is not an HSDS page (no contents list)": (
        "{what}: la página {page} no es una página HSDS (no tiene lista de contenidos)"
    ),
    "{what}: line {line} is not a service object": (
        "{what}: la línea {line} no es un objeto de servicio"
    ),
    "{what}: more than {max_services:,} services": "{what}: más de {max_services:,} servicios",
    "reading deletions: an entry has no service_id": (
        "al leer las eliminaciones: una entrada no tiene service_id"
    ),
    "{url} did not answer in time": "{url} no respondió a tiempo",
    "could not reach {url}: {reason}": "no se pudo conectar con {url}: {reason}",
    "{what}: a text of {count:,} characters (the limit is {limit:,})": (
        "{what}: un texto de {count:,} caracteres (el límite es {limit:,})"
    ),
    "{what}: page {page} repeats page 1; the server ignores paging": (
        "{what}: la página {page} repite la página 1; el servidor no hace caso de la paginación"
    ),
    "{what}: a line is larger than {limit}": "{what}: una línea ocupa más de {limit}",
    "reading the services: a page holds something not a service": (
        "al leer los servicios: una página contiene algo que no es un servicio"
    ),
    "reading the services: more than {max_services:,}": (
        "al leer los servicios: más de {max_services:,}"
    ),
    "listing every service id: an item has no id": (
        "al listar los id de todos los servicios: un elemento no tiene id"
    ),
    "listing every service id: more than {max_services:,}": (
        "al listar los id de todos los servicios: más de {max_services:,}"
    ),
    "reading the API's root": "leer la raíz de la API",
    "reading the services (ndjson)": "leer los servicios (ndjson)",
    "reading deletions": "leer las eliminaciones",
    "sending a proposal": "enviar una propuesta",
    "reading the state of proposals": "leer el estado de las propuestas",
    "{where}: {key} should be text or a number, not {type}": (
        "{where}: {key} debería ser texto o un número, no {type}"
    ),
    "{where}: {key} should be a list of objects": "{where}: {key} debería ser una lista de objetos",
    "{where}: {key} should be an object": "{where}: {key} debería ser un objeto",
    "a service has no id": "un servicio no tiene id",
    "not a check-up object with an id": "no es un objeto de revisión con id",
    "the JSON holds no HSDS services (a list, or a page with “contents”)": (
        "el JSON no contiene servicios HSDS (una lista, o una página con “contents”)"
    ),
    "{name} holds no HSDS services: no object in it has a “name” (the app's own JSON, a list "
    "of services or a page with “contents” is expected)": (
        "{name} no contiene servicios HSDS: ningún objeto tiene “name” (se espera el JSON de "
        "la aplicación, una lista de servicios o una página con “contents”)"
    ),
    "{name}: service #{number} is not a JSON object": (
        "{name}: el servicio n.º {number} no es un objeto JSON"
    ),
    "bad default country {default_country!r}: use a code such as US": (
        "país predeterminado no válido {default_country!r}: use un código como US"
    ),
    "unknown kind {kind!r}: use one of {kinds}": (
        "tipo desconocido {kind!r}: use uno de estos: {kinds}"
    ),
    "the package has no service table (services.csv)": (
        "el paquete no tiene tabla de servicios (services.csv)"
    ),
    "{file} has no “{column}” column": "{file} no tiene la columna “{column}”",
    "the package is too large to import at {relative} (the limit is {limit} in all): "
    "split it into smaller packages": (
        "el paquete es demasiado grande para importarlo, en {relative} (el límite es {limit} "
        "en total): divídalo en paquetes más pequeños"
    ),
    '{where} has no "resources" list; it is not a data package': (
        '{where} no tiene una lista "resources"; no es un paquete de datos'
    ),
    "{datapackage} points to a file outside its folder: {path}": (
        "{datapackage} apunta a un archivo fuera de su carpeta: {path}"
    ),
    "the package holds {count} files named {file_name} ({listed}); keep one, or name the "
    "right one in {datapackage}": (
        "el paquete contiene {count} archivos llamados {file_name} ({listed}); deje uno, o "
        "indique el correcto en {datapackage}"
    ),
    "{datapackage} lists the part {again} more than once for one table": (
        "{datapackage} incluye la parte {again} más de una vez para una tabla"
    ),
    "the zip has no {datapackage} and no services table (services.csv); it is not an HSDS "
    "data package": (
        "el zip no tiene {datapackage} ni tabla de servicios (services.csv); no es un paquete "
        "de datos HSDS"
    ),
    "{name} is not an HSDS package: choose its folder, its {datapackage} or a .zip": (
        "{name} no es un paquete HSDS: elija su carpeta, su {datapackage} o un .zip"
    ),
    "{folder} has no {datapackage} and no services table (services.csv); it is not an HSDS "
    "data package": (
        "{folder} no tiene {datapackage} ni tabla de servicios (services.csv); no es un "
        "paquete de datos HSDS"
    ),
    "{relative} is outside the package's folder": "{relative} está fuera de la carpeta del paquete",
    "{relative} is not a regular file (a device or a pipe)": (
        "{relative} no es un archivo normal (es un dispositivo o una tubería)"
    ),
    "no such file or folder: {path}": "no existe el archivo o la carpeta: {path}",
    "the folder holds more than {max_listed} files: choose the folder of the HSDS tables "
    "themselves": (
        "la carpeta contiene más de {max_listed} archivos: elija la carpeta donde están las "
        "tablas HSDS"
    ),
    "{relative} in the package is a symbolic link; links are refused, as they can point "
    "outside the package's folder": (
        "{relative} es un enlace simbólico dentro del paquete; no se aceptan enlaces, porque "
        "pueden apuntar fuera de la carpeta del paquete"
    ),
    "cannot read {relative}: {reason}": "no se puede leer {relative}: {reason}",
    "{file} line {line_num}: {reason}": "{file}, línea {line_num}: {reason}",
    "{file} row {number} has {count} cells but the header has {width} columns": (
        "la fila {number} de {file} tiene {count} celdas, pero el encabezado tiene {width} columnas"
    ),
    "{datapackage} names {wanted} for the services, but it is missing": (
        "{datapackage} indica {wanted} para los servicios, pero no está"
    ),
    "{path} exists and is not a folder; choose a new folder or a .zip name": (
        "{path} ya existe y no es una carpeta; elija una carpeta nueva o un nombre .zip"
    ),
    "the folder {path} is not empty; choose an empty folder, a new folder name or a .zip "
    "name (only an earlier HSDS export of CBH Directory is replaced)": (
        "la carpeta {path} no está vacía; elija una carpeta vacía, un nombre de carpeta nuevo "
        "o un nombre .zip (solo se reemplaza una exportación HSDS anterior de CBH Directory)"
    ),
    "cannot write in {parent}: {reason}": "no se puede escribir en {parent}: {reason}",
    "two resources share the id {id!r}; nothing was written": (
        "dos recursos tienen el mismo id {id!r}; no se escribió nada"
    ),
    # The database, backups, lists, check-ups, proposals
    "say who made the check-up: initials or a name (--by)": (
        "diga quién hizo la revisión: unas iniciales o un nombre (--by)"
    ),
    "only {by}, who made this check-up, can change or delete it": (
        "solo {by}, que hizo esta revisión, puede cambiarla o borrarla"
    ),
    "no resource with id {resource_id!r}": "no hay ningún recurso con el id {resource_id!r}",
    "no resource with id {rid!r}": "no hay ningún recurso con el id {rid!r}",
    "check-ups are for support groups and other communities; {id} is: {kind}": (
        "las revisiones son para grupos de apoyo y otras comunidades; {id} es: {kind}"
    ),
    "the database {db_path} cannot be used: {reason}": (
        "no se puede usar la base de datos {db_path}: {reason}"
    ),
    "the database needs a schema upgrade ({pending}), but it is read-only here; copy it to "
    "a writable folder and open it there": (
        "la base de datos necesita una actualización ({pending}), pero aquí es de solo "
        "lectura; cópiela a una carpeta donde se pueda escribir y ábrala allí"
    ),
    "{reason}; did you mean: {close}?": "{reason}; ¿quiso decir: {close}?",
    "an in-memory database cannot be backed up to the backup folder": (
        "no se puede hacer una copia de seguridad de una base de datos en memoria en la "
        "carpeta de copias"
    ),
    "{resource_id!r} has no local edits to propose": (
        "{resource_id!r} no tiene cambios locales que proponer"
    ),
    "the database has no identity yet; it cannot be backed up by name": (
        "la base de datos aún no tiene identidad; no se puede hacer su copia de seguridad "
        "por nombre"
    ),
    "no check-up with id {checkup_id!r}": "no hay ninguna revisión con el id {checkup_id!r}",
    "no check-up with id {id!r}": "no hay ninguna revisión con el id {id!r}",
    "{doing}: {reason}": "{doing}: {reason}",
    "{doing}: ": "{doing}: ",
    "{file} is a folder, not a database file": (
        "{file} es una carpeta, no un archivo de base de datos"
    ),
    "{file} is not a regular file (a device or a pipe?)": (
        "{file} no es un archivo normal (¿un dispositivo o una tubería?)"
    ),
    "the database is read-only here (opened from a read-only medium, file or folder): "
    "searching, showing and exporting work, changes cannot be saved": (
        "aquí la base de datos es de solo lectura (se abrió desde un medio, archivo o carpeta "
        "de solo lectura): puede buscar, ver y exportar, pero no se pueden guardar cambios"
    ),
    "{destination} already exists; choose another name (or --force)": (
        "{destination} ya existe; elija otro nombre (o --force)"
    ),
    "{doing}: the disk is full; nothing was changed": (
        "{doing}: el disco está lleno; no se cambió nada"
    ),
    "{doing}: the folder is on a read-only medium": (
        "{doing}: la carpeta está en un medio de solo lectura"
    ),
    "no database at {file}": "no hay ninguna base de datos en {file}",
    "cannot open the database {path}: {reason}": (
        "no se puede abrir la base de datos {path}: {reason}"
    ),
    "cannot open the database {file}: {reason}": (
        "no se puede abrir la base de datos {file}: {reason}"
    ),
    "{file} is not a CBH Directory database (not an SQLite file)": (
        "{file} no es una base de datos de CBH Directory (no es un archivo SQLite)"
    ),
    "the backup to {destination} failed": "falló la copia de seguridad en {destination}",
    "cannot create the folder {parent}: {reason}": (
        "no se puede crear la carpeta {parent}: {reason}"
    ),
    "a resource's id cannot change (lists and notes refer to it)": (
        "el id de un recurso no puede cambiar (las listas y las notas lo usan)"
    ),
    "{field!r} of {resource_id!r} has no local edit": (
        "{field!r} de {resource_id!r} no tiene cambios locales"
    ),
    "only resources added here can be deleted; archive this one instead": (
        "solo se pueden borrar los recursos añadidos aquí; archive este en su lugar"
    ),
    "a note can have at most {max_note:,} characters ({count:,} given)": (
        "una nota puede tener como máximo {max_note:,} caracteres (tiene {count:,})"
    ),
    "no list named {name!r}": "no hay ninguna lista llamada {name!r}",
    "no list named {name!r}; did you mean: {lists}?": (
        "no hay ninguna lista llamada {name!r}; ¿quiso decir: {lists}?"
    ),
    "no list named {name!r}; the lists are: {lists}": (
        "no hay ninguna lista llamada {name!r}; las listas son: {lists}"
    ),
    "there is already a list named {name!r}": "ya hay una lista llamada {name!r}",
    "{resource_id!r} is not in this list": "{resource_id!r} no está en esta lista",
    "the Bookmarks list cannot be renamed": "la lista Marcadores no se puede renombrar",
    "the Bookmarks list cannot be deleted": "la lista Marcadores no se puede borrar",
    "no schema migrations found in {folder}": (
        "no se encontraron migraciones del esquema en {folder}"
    ),
    "incomplete SQL statement in migration: {statement}": (
        "instrucción SQL incompleta en la migración: {statement}"
    ),
    "this database was written by a newer version of CBH Directory (schema {unknown}); "
    "update the app or open another database": (
        "esta base de datos la escribió una versión más nueva de CBH Directory (esquema "
        "{unknown}); actualice la aplicación o abra otra base de datos"
    ),
    "could not upgrade the database schema: {reason}": (
        "no se pudo actualizar el esquema de la base de datos: {reason}"
    ),
    "no proposal {entry_id} in the outbox": (
        "no hay ninguna propuesta {entry_id} en la bandeja de salida"
    ),
    "no waiting proposal {entry_id} in the outbox": (
        "no hay ninguna propuesta {entry_id} pendiente en la bandeja de salida"
    ),
    "{what}the database is busy: another CBH Directory window or command has been writing "
    "to it for over {seconds} seconds; nothing was changed, please try again": (
        "{what}la base de datos está ocupada: otra ventana u orden de CBH Directory lleva "
        "más de {seconds} segundos escribiendo en ella; no se cambió nada, inténtelo de nuevo"
    ),
    "{what}the disk is full: nothing was changed; free some space, try again": (
        "{what}el disco está lleno: no se cambió nada; libere espacio e inténtelo de nuevo"
    ),
    "{what}the database is read-only here (a read-only file, folder or medium); nothing "
    "was changed": (
        "{what}aquí la base de datos es de solo lectura (un archivo, carpeta o medio de solo "
        "lectura); no se cambió nada"
    ),
    "{what}the database file is damaged or not a database": (
        "{what}el archivo de la base de datos está dañado o no es una base de datos"
    ),
    "{what}the disk could not be read or written (I/O error); nothing was changed": (
        "{what}no se pudo leer o escribir en el disco (error de E/S); no se cambió nada"
    ),
    "{what}the database file cannot be opened": (
        "{what}no se puede abrir el archivo de la base de datos"
    ),
    "{what}out of memory; nothing was changed": "{what}no queda memoria; no se cambió nada",
    # The window
    "bad size {text!r}: too small or too large": (
        "tamaño no válido {text!r}: demasiado pequeño o demasiado grande"
    ),
    "bad size {text!r}: use WIDTHxHEIGHT, e.g. 1280x800": (
        "tamaño no válido {text!r}: use ANCHOxALTO, por ejemplo 1280x800"
    ),
    "unknown paper size {paper!r}; choose letter or a4": (
        "tamaño de papel desconocido {paper!r}; elija letter o a4"
    ),
    "cannot start drawing the PDF": "no se puede empezar a dibujar el PDF",
    "the window needs a database file, not an in-memory database": (
        "la ventana necesita un archivo de base de datos, no una base de datos en memoria"
    ),
    "the database failed its integrity check: {reason}": (
        "la base de datos no pasó la comprobación de integridad: {reason}"
    ),
    # What the command line prints
    "(Online groups are left out: --online keeps those serving this place.)": (
        "(Se dejan fuera los grupos en línea: --online mantiene los que atienden este lugar.)"
    ),
    "{shown} of {total} matching resources": "{shown} de {total} recursos encontrados",
    "No resources match.": "No se encontró ningún recurso.",
    "* not verified in the last 12 months": "* no se ha verificado en los últimos 12 meses",
    "{shown} of {total} partial matches": "{shown} de {total} coincidencias parciales",
    "No resources match all of: {asked}.": ("Ningún recurso cumple todo esto a la vez: {asked}."),
    "Distance": "Distancia",
    "error": "error",
    "aborted": "cancelado",
    "interrupted": "interrumpido",
    "unexpected error ({short}); details in {where}": (
        "error inesperado ({short}); detalles en {where}"
    ),
    "unexpected error ({short})": "error inesperado ({short})",
    "Closest partial matches (each meets only some of what you asked):": (
        "Coincidencias parciales más cercanas (cada una cumple solo parte de lo que pidió):"
    ),
    "never": "nunca",
    "online": "en línea",
    "Searching for: {chips}": "Buscando: {chips}",
    'text "{text}"': 'texto "{text}"',
    'Without "{label}": {count}': 'Sin "{label}": {count}',
    # Summaries of an import, a shared list, an export
    "{count} new": "{count} nuevos",
    "{count} changed": "{count} cambiados",
    "{count} unchanged": "{count} sin cambios",
    "{count} rejected": "{count} rechazados",
    "{count} gone (made inactive)": "{count} desaparecidos (marcados como inactivos)",
    "{count} new check-ups": "{count} revisiones nuevas",
    "note": "nota",
    "new list": "lista nueva",
    "merged into your list": "unida a su lista",
    "{count} added": "{count} añadidos",
    "{count} already there": "{count} ya estaban",
    "{count} notes filled in": "{count} notas completadas",
    "{count} not in this directory (kept with their details)": (
        "{count} no están en este directorio (se guardan con sus datos)"
    ),
    "{count} check-ups of its groups (new ones added)": (
        "{count} revisiones de sus grupos (se añadieron las nuevas)"
    ),
    "1 resource": "1 recurso",
    "{total:,} resources": "{total:,} recursos",
    "Wrote {count} to {path}": "Guardado en {path}: {count}",
    "Wrote {count} on 1 page to {path}": "Guardado en {path}: {count}, en 1 página",
    "Wrote {count} on {pages} pages to {path}": ("Guardado en {path}: {count}, en {pages} páginas"),
    "could not upgrade the database schema: {count} row(s) refer to nothing "
    "(first: {table} row {rowid} names a missing {parent})": (
        "no se pudo actualizar el esquema de la base de datos: {count} fila(s) apuntan a algo "
        "que no existe (la primera: la fila {rowid} de {table} nombra un {parent} que falta)"
    ),
    # The command line: imports, lists
    "Dry run: nothing was changed.": "Prueba: no se cambió nada.",
    "Imported: {count} resources written.": "Importado: se guardaron {count} recursos.",
    "Wrote {count} services as HSDS 3.0 to {path}": (
        "Guardado en {path}: {count} servicios en formato HSDS 3.0"
    ),
    "Saved {name} ({id})": "Guardado: {name} ({id})",
    "new": "nuevo",
    "changed": "cambiado",
    "rejected": "rechazado",
    "kept your edit": "se mantiene su cambio",
    "… and {count} more (use --json for all)": "… y {count} más (use --json para verlos todos)",
    "Note saved": "Nota guardada",
    "Added {count} to {name!r}": "Añadidos a {name!r}: {count}",
    "Created list {name!r}": "Lista creada: {name!r}",
    "Removed {count} from {name!r}": "Quitados de {name!r}: {count}",
    "(empty)": "(vacía)",
    "[no longer in the directory]": "[ya no está en el directorio]",
    "Renamed to {name!r}": "Nuevo nombre: {name!r}",
    "Deleted {name!r}": "Borrada: {name!r}",
    "Wrote {count} items of {name!r} to {path}": (
        "Guardado en {path}: {count} elementos de {name!r}"
    ),
    "Would import {summary}": "Se importaría: {summary}",
    "Imported {summary}": "Importado: {summary}",
    "({count} already there)": "({count} ya estaban)",
    # Syncing with the agency's directory
    "full sync from {url}: {count} services received": (
        "sincronización completa desde {url}: {count} servicios recibidos"
    ),
    "incremental sync from {url}: {count} services received": (
        "sincronización de cambios desde {url}: {count} servicios recibidos"
    ),
    "{count} updated": "{count} actualizados",
    "{count} removed by the hub (now inactive)": (
        "{count} quitados por el servidor central (ahora inactivos)"
    ),
    "{count} skipped (the id is an entry made here)": (
        "{count} omitidos (el id es de una entrada creada aquí)"
    ),
    "{count} not valid (left out)": "{count} no válidos (se dejaron fuera)",
    "{count} kept your local edits": "{count} conservaron sus cambios locales",
    "1 proposal sent": "1 propuesta enviada",
    "{count} proposals sent": "{count} propuestas enviadas",
    "{count} could not be sent": "{count} no se pudieron enviar",
    "1 check-up received": "1 revisión recibida",
    "{count} check-ups received": "{count} revisiones recibidas",
    "1 proposal reviewed": "1 propuesta revisada",
    "{count} proposals reviewed": "{count} propuestas revisadas",
    "proposal {id} is waiting in the outbox; it goes with the next sync": (
        "la propuesta {id} espera en la bandeja de salida; se enviará con la próxima sincronización"
    ),
    "removed by the hub": "quitados por el servidor central",
    "skipped": "omitidos",
    "1 check-up of yours waiting in the outbox": ("1 revisión suya espera en la bandeja de salida"),
    "{count} check-ups of yours waiting in the outbox": (
        "{count} revisiones suyas esperan en la bandeja de salida"
    ),
    "the outbox is empty": "la bandeja de salida está vacía",
    "not valid: service {id}: {reason}": "no válido: servicio {id}: {reason}",
    "not sent": "no enviado",
    "proposal {id} withdrawn": "propuesta {id} retirada",
    # The command line: the database and its backups
    "Places: loaded the offline gazetteer": "Lugares: se cargó el nomenclátor sin conexión",
    "Database: {path}": "Base de datos: {path}",
    "Ready: {count} resources": "Lista para usar: {count} recursos",
    "Backed up to {path}": "Copia de seguridad guardada en {path}",
    "Restored {name}; the damaged database was moved to {moved}": (
        "Se restauró {name}; la base de datos dañada se movió a {moved}"
    ),
    "Restored {name}": "Se restauró {name}",
    "Schema: applied {names}": "Esquema: se aplicaron {names}",
    "Backup: {path}": "Copia de seguridad: {path}",
    "No backups of {name} in {folder}": "No hay copias de seguridad de {name} en {folder}",
    "Restored {name}; the previous state is in {safety}": (
        "Se restauró {name}; el estado anterior está en {safety}"
    ),
    # Notes about what an import or a shared list left out or changed
    "check-up {number}: not an object": "revisión {number}: no es un objeto",
    "check-up {number}: a bad resource id {rid!r}": (
        "revisión {number}: id de recurso no válido {rid!r}"
    ),
    "check-up {number}: no id": "revisión {number}: no tiene id",
    "check-up {number}: {reason}": "revisión {number}: {reason}",
    "{source} was read as {encoding} text": "{source} se leyó como texto {encoding}",
    "the list name was cut to {count} characters": (
        "el nombre de la lista se acortó a {count} caracteres"
    ),
    "cut to {count:,} characters: {shown}": "acortado a {count:,} caracteres: {shown}",
    "details of items not in the directory left out as not valid: {fields}": (
        "se dejaron fuera, por no ser válidos, datos de elementos que no están en el "
        "directorio: {fields}"
    ),
    "check-ups left out: {rejected}": "revisiones que se dejaron fuera: {rejected}",
    "places found for {count} resources from their city or ZIP code (the gazetteer; only "
    "where the source gave no coordinates)": (
        "se encontró el lugar de {count} recursos por su ciudad o código postal (con el "
        "nomenclátor; solo donde la fuente no daba coordenadas)"
    ),
    "the reviews were not read: {reason}": (
        "no se leyeron las revisiones de las propuestas: {reason}"
    ),
    # The command line: check-ups
    "No check-ups yet.": "Todavía no hay revisiones.",
    "never checked": "nunca revisado",
    "Added {added} check-ups; {already} were already here": (
        "Se añadieron {added} revisiones; {already} ya estaban"
    ),
    "Recorded check-up {id} of {name}": "Revisión {id} de {name} guardada",
    "in {uses} list(s)": "en {uses} lista(s)",
    "Wrote {count} check-ups to {path}": "Guardado en {path}: {count} revisiones",
    "kept ours for {count} with the same id": (
        "se mantuvieron las nuestras en {count} con el mismo id"
    ),
    "Deleted check-up {id} of {resource_id}": "Revisión {id} de {resource_id} borrada",
    "A check-up counts for {days} days": "Una revisión vale durante {days} días",
    "id": "id",
    "last check-up {on}": "última revisión: {on}",
    "left out": "se dejó fuera",
    "focus differs": "el enfoque es otro",
    "focus as listed": "el enfoque es el indicado",
    "last post or meeting {date}": "última publicación o reunión: {date}",
    # The command line: stats
    "Database": "Base de datos",
    "Dataset": "Datos",
    "{version} (released {released})": "{version} (publicados el {released})",
    "Resources": "Recursos",
    "{active} active, {inactive} inactive": "{active} activos, {inactive} inactivos",
    "Needs review": "Necesitan revisión",
    "{count} not verified in 12 months": "{count} sin verificar en 12 meses",
    "Places": "Lugares",
    "Lists": "Listas",
    "{lists} ({items} items)": "{lists} ({items} elementos)",
    "Check-ups": "Revisiones",
    "{count} ({checked} groups checked recently, {waiting} waiting; cbh-directory checks needed)": (
        "{count} ({checked} grupos revisados hace poco, {waiting} pendientes; "
        "cbh-directory checks needed)"
    ),
    "By kind:": "Por tipo:",
    "By focus:": "Por enfoque:",
    "Evidence (every entry, inactive too):": "Fuentes (todas las entradas, también inactivas):",
    "Entries by kind:": "Entradas por tipo:",
    "Entries": "Entradas",
    "Inactive (closed, merged or archived)": "Inactivas (cerradas, unidas a otra o archivadas)",
    "With a phone, email or address": "Con teléfono, correo electrónico o dirección",
    "With sourced moderation": "Con moderación respaldada por fuentes",
    "With sourced member activity": "Con actividad de los miembros respaldada por fuentes",
    "Offering Spanish": "Ofrecen español",
    "Date unknown (no source shows a date)": "Fecha desconocida (ninguna fuente tiene fecha)",
    "With at least one undated source": "Con al menos una fuente sin fecha",
    "pop. {count:,}": "pobl. {count:,}",
}
