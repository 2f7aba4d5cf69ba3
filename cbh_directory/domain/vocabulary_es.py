"""The app's own words in Spanish (vocabulary labels, explanations, sentences): plain, "usted".

Keys are the English text exactly as the code writes it; `{name}` placeholders are kept.
Organisations' names, gene names and data from sources are never translated here.
"""

from __future__ import annotations

from .messages_es import MESSAGES

SPANISH: dict[str, str] = {
    # Kinds: label, explanation, short label
    "National organization": "Organización nacional",
    "A national or international organization.": "Una organización nacional o internacional.",
    "National org": "Org. nacional",
    "Support group": "Grupo de apoyo",
    "A community where families support each other.": (
        "Una comunidad donde las familias se apoyan entre sí."
    ),
    "Financial aid & insurance help": "Ayuda económica y con el seguro médico",
    "Money, insurance or benefits help.": "Ayuda con dinero, seguro médico o beneficios.",
    "Financial aid": "Ayuda económica",
    "School & work accommodation guide": "Guía de adaptaciones en la escuela y el trabajo",
    "Help with IEPs, Section 504 and accommodations at school or work.": (
        "Ayuda con el IEP (plan educativo individualizado), la Sección 504 y las adaptaciones "
        "en la escuela o el trabajo."
    ),
    "School & work": "Escuela y trabajo",
    "Finding clinicians & studies": "Encontrar médicos y estudios",
    "Tools to find therapists, specialists, clinics or research studies.": (
        "Herramientas para encontrar terapeutas, especialistas, clínicas o estudios de "
        "investigación."
    ),
    "Clinicians & studies": "Médicos y estudios",
    "Learn about the condition": "Información sobre la enfermedad",
    "An authoritative page that explains a condition: what it is, how it is found and cared "
    "for (GeneReviews, MedlinePlus Genetics, GARD, Orphanet, public-health pages).": (
        "Una página de confianza que explica una enfermedad: qué es, cómo se diagnostica y cómo "
        "se trata (GeneReviews, MedlinePlus Genetics, GARD, Orphanet, páginas de salud pública)."
    ),
    "Condition info": "Información médica",
    "Local services": "Servicios locales",
    "General community services from a 211 or other directory: food, housing, transport, "
    "benefits advice and more, not specific to a condition.": (
        "Servicios generales de la comunidad de un directorio 211 u otro: comida, vivienda, "
        "transporte, orientación sobre beneficios y más, no propios de una enfermedad."
    ),
    "Local service": "Servicio local",
    # Focus groups
    "Genes": "Genes",
    "Groups for one specific genetic form.": "Grupos para una forma genética concreta.",
    "Syndromes": "Síndromes",
    "Groups for a named syndrome.": "Grupos para un síndrome con nombre.",
    "Causes": "Causas",
    "Environmental or pregnancy-related causes.": (
        "Causas ambientales o relacionadas con el embarazo."
    ),
    "Broad": "General",
    "Broader cerebellar, neurological or rare-disease focus.": (
        "Un enfoque más amplio: cerebelo, neurología o enfermedades raras."
    ),
    "Family support": "Apoyo a la familia",
    "Help for parents, brothers and sisters, and carers.": (
        "Ayuda para padres, hermanos y cuidadores."
    ),
    # Focus terms (gene names stay as they are)
    "PCH genes (TSEN54, EXOSC3, …)": "Genes de la HPC (TSEN54, EXOSC3, …)",
    "Joubert syndrome": "Síndrome de Joubert",
    "CHARGE syndrome": "Síndrome CHARGE",
    "Dandy-Walker": "Dandy-Walker",
    "Pontocerebellar hypoplasia": "Hipoplasia pontocerebelosa",
    "Ataxia-telangiectasia": "Ataxia-telangiectasia",
    "Friedreich's ataxia": "Ataxia de Friedreich",
    "Congenital CMV": "CMV congénito",
    "Zika": "Zika",
    "TORCH infections": "Infecciones TORCH",
    "Toxoplasmosis": "Toxoplasmosis",
    "Rubella": "Rubéola",
    "Neonatal herpes": "Herpes neonatal",
    "Prematurity": "Prematuridad",
    "Prenatal exposure": "Exposición prenatal",
    "Anticonvulsant (valproate) exposure": "Exposición a anticonvulsivos (valproato)",
    "Prenatal alcohol (FASD)": "Alcohol prenatal (TEAF)",
    "Hypoxia / HIE": "Hipoxia / EHI",
    "Cerebellar haemorrhage or stroke": "Hemorragia o derrame cerebeloso",
    "Cerebellar hypoplasia": "Hipoplasia cerebelosa",
    "Ataxia": "Ataxia",
    "Hydrocephalus": "Hidrocefalia",
    "Epilepsy": "Epilepsia",
    "Undiagnosed": "Sin diagnóstico",
    "Rare disease": "Enfermedad rara",
    "Disability": "Discapacidad",
    "Vision and CVI": "Visión y DVC (discapacidad visual cerebral)",
    "Siblings": "Hermanos",
    "Respite care": "Cuidado de relevo",
    "Caregiver wellbeing": "Bienestar del cuidador",
    # Moderation
    "Professionally moderated": "Moderado por profesionales",
    "Posts or advice are reviewed by professionals (clinicians, trained staff).": (
        "Profesionales (médicos, personal capacitado) revisan los mensajes o los consejos."
    ),
    "Peer moderated": "Moderado por otros padres",
    "Trained volunteers or parent peers moderate it and there are written rules.": (
        "Lo moderan voluntarios capacitados u otros padres, y tiene reglas escritas."
    ),
    "Unmoderated": "Sin moderación",
    "Nobody reviews posts; take advice with care.": (
        "Nadie revisa los mensajes; tome los consejos con cuidado."
    ),
    "Moderation unknown": "Moderación desconocida",
    "We do not know how this group is moderated.": "No sabemos cómo se modera este grupo.",
    # Member activity
    "Very active": "Muy activo",
    "Members usually reply within a day.": "Los miembros suelen responder en un día.",
    "Active": "Activo",
    "Members usually reply within a week.": "Los miembros suelen responder en una semana.",
    "Quiet": "Poco activo",
    "Replies are slow, or the group may be dormant.": (
        "Las respuestas tardan, o el grupo puede estar inactivo."
    ),
    "Activity unknown": "Actividad desconocida",
    "We do not know how quickly members respond.": (
        "No sabemos qué tan rápido responden los miembros."
    ),
    # Format
    "Online": "En línea",
    "Meets or helps online, by phone or by post.": (
        "Se reúne o ayuda en línea, por teléfono o por correo."
    ),
    "In person": "En persona",
    "Meets or helps in person.": "Se reúne o ayuda en persona.",
    "Online and in person": "En línea y en persona",
    "Offers both online and in-person help.": "Ofrece ayuda en línea y en persona.",
    # Cost
    "Free": "Gratis",
    "Free for families.": "Gratis para las familias.",
    "Low cost": "Bajo costo",
    "A small fee or donation.": "Una cuota pequeña o un donativo.",
    "Paid": "De pago",
    "There is a fee or paid membership.": "Se paga una cuota o una membresía.",
    "Cost unknown": "Costo desconocido",
    "We do not know whether there is a cost.": "No sabemos si tiene costo.",
    # Status
    "Inactive": "Inactivo",
    "No longer operating, or archived by staff.": ("Ya no funciona, o el personal lo archivó."),
    # Filter groups and their help
    "Kind": "Tipo",
    "Focus": "Enfoque",
    "Some groups cater to one genetic form or syndrome, others to broader issues.": (
        "Algunos grupos se dedican a una forma genética o a un síndrome; otros, a temas más "
        "amplios."
    ),
    "Moderation": "Moderación",
    "Are posts reviewed by professionals, by trained peers, or by nobody?": (
        "¿Revisan los mensajes profesionales, otros padres capacitados o nadie?"
    ),
    "Member activity": "Actividad de los miembros",
    "Recent activity": "Actividad reciente",
    "How quickly do members usually reply?": "¿Qué tan rápido suelen responder los miembros?",
    "Format": "Formato",
    "Language": "Idioma",
    "Cost": "Costo",
    "Country": "País",
    "Country / region": "País / región",
    "Region": "Región",
    "Service type": "Tipo de servicio",
    "What kind of service an imported 211 entry is, from its own taxonomy.": (
        "Qué tipo de servicio es una entrada importada de un 211, según su propia taxonomía."
    ),
    "International / not stated": "Internacional / no indicado",
    "International": "Internacional",
    "Other": "Otros",
    # Languages
    "Arabic": "árabe",
    "German": "alemán",
    "English": "inglés",
    "Spanish": "español",
    "French": "francés",
    "Italian": "italiano",
    "Japanese": "japonés",
    "Korean": "coreano",
    "Dutch": "neerlandés",
    "Polish": "polaco",
    "Portuguese": "portugués",
    "Russian": "ruso",
    "Tagalog": "tagalo",
    "Vietnamese": "vietnamita",
    "Chinese": "chino",
    "American Sign Language": "lengua de señas americana",
    "British Sign Language": "lengua de señas británica",
    "Sign language": "lengua de señas",
    # How a search was read (chips, and what removing each part would give)
    "or": "o",
    "near {place}": "cerca de {place}",
    "within {miles} mi": "en un radio de {miles} mi",
    "Near: {place}": "Cerca de: {place}",
    "Country: {name}": "País: {name}",
    "Region: {name}": "Región: {name}",
    # Details and contact labels
    "Name": "Nombre",
    "Also known as": "También conocido como",
    "About": "Descripción",
    "Status": "Estado",
    "Languages": "Idiomas",
    "Who it is for": "Para quién es",
    "Ages": "Edades",
    "Serves": "Atiende a",
    "Worldwide": "Todo el mundo",
    "Based in": "Con sede en",
    "Website": "Sitio web",
    "Web": "Web",
    "Phone": "Teléfono",
    "Email": "Correo electrónico",
    "Address": "Dirección",
    "Please note": "Tenga en cuenta",
    "Tags": "Etiquetas",
    "Verified": "Verificado",
    "Sources": "Fuentes",
    "Id": "Id",
    # Sentences about evidence, dates and status ({placeholders} are filled in by the code)
    "Unknown — no source we found says how it is moderated.": (
        "Desconocido: ninguna fuente que encontramos dice cómo se modera."
    ),
    "Unknown — no source we found says how quickly members reply.": (
        "Desconocido: ninguna fuente que encontramos dice qué tan rápido responden los miembros."
    ),
    " — source {year}.": " (fuente de {year}).",
    " — the source shows no date.": " (la fuente no tiene fecha).",
    "Date unknown — the sources show no date; check before relying on it.": (
        "Fecha desconocida: las fuentes no tienen fecha; compruébelo antes de confiar en ello."
    ),
    "Date unknown — no sources are recorded; check before relying on it.": (
        "Fecha desconocida: no hay fuentes registradas; compruébelo antes de confiar en ello."
    ),
    "Information from sources dated {date}": "Información de fuentes con fecha de {date}",
    ", checked {month}.": ", comprobada en {month}.",
    " Sources read {month}.": " Fuentes leídas en {month}.",
    "Last verified {date}.": "Última verificación: {date}.",
    "Checked by {by} on {date}": "Verificado por {by} el {date}",
    "Marked verified in this copy on {date}": "Marcado como verificado en esta copia el {date}",
    "Needs review: the date of this information is unknown.": (
        "Necesita revisión: no se sabe la fecha de esta información."
    ),
    "Needs review: the newest information ({date}) is more than {months} months old — check "
    "it is still current.": (
        "Necesita revisión: la información más reciente ({date}) tiene más de {months} meses; "
        "compruebe que sigue al día."
    ),
    "Inactive: no longer operating, or archived by staff.": (
        "Inactivo: ya no funciona, o el personal lo archivó."
    ),
    "Merged": "Fusionado",
    "Closed": "Cerrado",
    " — reported by a source dated {date}": " (según una fuente con fecha de {date})",
    "Its work continues at: {name}": "Su trabajo continúa en: {name}",
    # The search in words (handouts)
    "From the list “{name}”": "De la lista “{name}”",
    "Within {amount} {unit} of {where}": "A menos de {amount} {unit} de {where}",
    "miles": "millas",
    "Nearest to {where} first": "Primero los más cercanos a {where}",
    ", and groups that meet online": ", y los grupos que se reúnen en línea",
    "Matching “{text}”": "Que coinciden con “{text}”",
    "All resources in the directory": "Todos los recursos del directorio",
    "(in English)": "(en inglés)",
    # Contacts
    "source dated {date}": "fuente con fecha de {date}",
    "from a {year} source — may have changed": "de una fuente de {year}; puede haber cambiado",
    "the source shows no date": "la fuente no tiene fecha",
    "Fax": "Fax",
    "Text": "Mensajes de texto",
    "Textphone (TTY)": "Teléfono de texto (TTY)",
    "Mobile": "Celular",
    "Where": "Dónde",
    "Note": "Nota",
    # The handout
    "This list is for information only and is not medical advice. Each entry says how old "
    "its sources are, but groups and programmes change: please contact them to confirm before "
    "you rely on them. Made with CBH Directory, an offline directory of support resources for "
    "families of children with cerebellar hypoplasia and related conditions.": (
        "Esta lista es solo informativa y no es un consejo médico. Cada entrada indica la "
        "antigüedad de sus fuentes, pero los grupos y programas cambian: comuníquese con ellos "
        "para confirmar antes de contar con ellos. Hecha con CBH Directory, un directorio sin "
        "conexión de recursos de apoyo para familias de niños con hipoplasia cerebelosa y "
        "enfermedades relacionadas."
    ),
    "No longer in the directory: these are the last known details.": (
        "Ya no está en el directorio: estos son los últimos datos conocidos."
    ),
    "{distance} away": "a {distance}",
    "Prepared {date} · {count} resource": "Preparada el {date} · {count} recurso",
    "Prepared {date} · {count} resources": "Preparada el {date} · {count} recursos",
    "Chosen by": "Criterios",
    "Nothing in the directory is based within this distance of {place}; the resources below "
    "meet online, by phone, or serve the whole country.": (
        "No hay nada en el directorio con sede a esta distancia de {place}; los recursos de "
        "abajo se reúnen en línea, atienden por teléfono o sirven a todo el país."
    ),
    "No resources matched.": "Ningún recurso coincide.",
    "Near {place}": "Cerca de {place}",
    "Online, by phone, and nationwide": "En línea, por teléfono y en todo el país",
    "Support resources": "Recursos de apoyo",
    "Support resources: {name}": "Recursos de apoyo: {name}",
    "{count} chosen by hand from: {criteria}": "{count} elegidos a mano de: {criteria}",
    "Prepared by {name}": "Preparada por {name}",
    # Why a field of the edit dialog was refused (domain/validation.py)
    "must not contain line breaks or control characters": (
        "no debe tener saltos de línea ni caracteres de control"
    ),
    "not a number": "no es un número",
    "must be text": "debe ser texto",
    "is required": "es obligatorio",
    "use two-letter ISO 639-1 codes such as en, es": (
        "use códigos ISO 639-1 de dos letras, como en, es"
    ),
    "use a two-letter ISO 3166 code such as US, GB": (
        "use un código ISO 3166 de dos letras, como US, GB"
    ),
    "must be an http:// or https:// address": "debe ser una dirección http:// o https://",
    "is not an email address": "no es una dirección de correo electrónico",
    "must be http(s) addresses": "deben ser direcciones http(s)",
    "must be a date like 2026-01-31 (or 2026-01, 2026)": (
        "debe ser una fecha como 2026-01-31 (o 2026-01, 2026)"
    ),
    "latitude and longitude must be given together": "la latitud y la longitud van juntas",
    "must be the id of another resource": "debe ser el id de otro recurso",
    # What a handout was chosen by (domain/handout_words.py)
    " or ": " o ",
    "about ": "sobre ",
    "in ": "en ",
    "based in ": "con sede en ",
    "service type ": "tipo de servicio ",
    "within {amount} {unit} of {where}": "a menos de {amount} {unit} de {where}",
    "nearest to {where} first": "primero los más cercanos a {where}",
    "with the words “{text}”": "con las palabras “{text}”",
    "From your list “{name}”": "De su lista “{name}”",
    "Chosen for you": "Elegidos para usted",
    ", found by searching for: {search}": ", encontrados al buscar: {search}",
    "Picked one by one": "Elegidos uno a uno",
    " from a search for: {search}": " de una búsqueda de: {search}",
    " from the directory": " del directorio",
    "Found by searching for: {search}": "Encontrados al buscar: {search}",
    "Everything in the directory": "Todo el directorio",
    "QR code for {url}": "Código QR de {url}",
    "Scan to open the website": "Escanéelo para abrir el sitio web",
    "To open it on a phone, point the camera at the code.": (
        "Para abrirlo en un teléfono, apunte la cámara al código."
    ),
    "(continued)": "(continuación)",  # after an entry's name atop the page that carries it on
    # How to use a service (from an import)
    "Hours": "Horario",
    "Fees": "Costos",
    "How to apply": "Cómo solicitarlo",
    "Wait time": "Tiempo de espera",
    "Service types": "Tipos de servicio",
    # Format the source does not state
    "Format not stated": "Formato no indicado",
    "The source does not say whether it meets online or in person.": (
        "La fuente no dice si se reúne en línea o en persona."
    ),
    "No place given, and not said to meet online": (
        "Sin lugar indicado, y sin decir que sea en línea"
    ),
}
SPANISH.update(MESSAGES)  # errors and command-line output: messages_es.py

MONTHS = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
