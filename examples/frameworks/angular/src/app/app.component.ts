// Angular with strictTemplates: CUSTOM_ELEMENTS_SCHEMA lets the template use the tag; the
// template type-checker types each `(event)`'s $event through the element's addEventListener
// (HTMLElementTagNameMap), `select` included.
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { GalleryItemInput, LikeDetail, SelectDetail } from 'media-gallery';
import './gallery';
import { FIRST, SECOND } from './items';

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <p>
        Liked: <output id="liked">{{ liked() }}</output> Selected: <output id="selected">{{ selected() }}</output>
      </p>
      <button id="swap" (click)="items.set(second)">New photos</button>
      <button id="toggle" (click)="shown.set(!shown())">{{ shown() ? 'Unmount' : 'Mount' }}</button>
      @if (shown()) {
        <media-gallery
          id="g"
          [items]="items()"
          [columns]="3"
          [showLikeDislike]="true"
          label="Angular"
          (like)="onLike($event)"
          (select)="onSelect($event)"
        ></media-gallery>
      }
    </main>
  `,
})
export class AppComponent {
  protected readonly items = signal<GalleryItemInput[]>(FIRST);
  protected readonly second = SECOND;
  protected readonly liked = signal('none');
  protected readonly selected = signal('none');
  protected readonly shown = signal(!location.search.includes('empty'));

  protected onLike(e: CustomEvent<LikeDetail>): void {
    this.liked.set(`${e.detail.index} ${e.detail.liked}`);
  }

  protected onSelect(e: CustomEvent<SelectDetail>): void {
    this.selected.set(String(e.detail.index));
  }
}
