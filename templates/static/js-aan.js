/* Runs before the page is drawn: lets the CSS lay out the scripted version at once. */
document.documentElement.classList.add("js");
