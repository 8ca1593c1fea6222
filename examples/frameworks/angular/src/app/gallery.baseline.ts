// The app without the gallery's code (angular.json, configuration `baseline`): the tag's
// typings only, for the template type-checker.
import type {} from 'media-gallery/elements/media-gallery.js';
