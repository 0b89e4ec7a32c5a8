"""Letters and notices of a request as DOCX.

受理回执, 补正告知书, 征求第三方意见书, 收费通知书, 延期答复告知书, and a 答复书 per reply type.

defaults.py   the national wording, per letter kind and, for the reply, per reply type
render.py     picks the agency's own template (LetterTemplate) or the national one, fills it, builds the DOCX
services.py   generate_letter(): renders and stores the letter with the case, audited
"""
