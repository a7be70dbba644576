"""Stories and claims across sources: what each story claims, by whom, and where sources disagree."""

from kabar.stories.analysis import StoryAnalysis, analyze

__all__ = ["StoryAnalysis", "analyze"]
