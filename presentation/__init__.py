"""The presentation layer without Streamlit: text catalogue (i18n/), number formatting, link
encoding, chart specifications and the sentences about results, shared by ui/ and exports/.

It imports model/ and nothing else of the project; Streamlit never enters it.
"""
